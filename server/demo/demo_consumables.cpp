// Consumables in the demo: lots received at past times, then orders for delivered cases picked FEFO and
// sent, as the unit's warehouse and caseworker would; a loan left without consumables shows in the gap list.
#include "server/demo/demo_consumables.h"

#include <algorithm>

#include "server/services/consumable_orders.h"
#include "server/services/consumable_stock.h"
#include "server/services/consumable_supply.h"

namespace bhm::server::demo {
namespace {

Actor staff(const LoadedUnit& unit, const std::string& role, Timestamp at) {
    Caller caller{Caller::Kind::user, 0, unit.unit.id, unit.unit.region_id, unit.staff(role), role, ""};
    return Actor(std::move(caller), at);
}

Timestamp days_ago(Timestamp now, int days, int hour) {
    const Timestamp planned{start_of(add_days(local_date(now), -days)).unix_seconds + hour * 3600};
    return std::min(planned, Timestamp{now.unix_seconds - 3600});
}

std::string lot_number(const LoadedUnit& unit, int n) { return unit.unit.code.substr(0, 1) + std::to_string(24000 + n); }

}  // namespace

void play_consumables(db::Transaction& tx, DemoRandom& random, const LoadedUnit& unit, Timestamp now) {
    const Date today = local_date(now);
    std::vector<db::ConsumableItem> tied;
    for (const auto& item : tx.consumable_items())
        if (item.payer == Payer::device_tied) tied.push_back(item);
    int lots = 0;
    std::optional<db::Id> recall_candidate;
    for (const auto& item : tied) {
        // The main lot: received long ago, good for years; some items also have a lot near its expiry.
        const Actor received = staff(unit, "warehouse", days_ago(now, 700, 9));
        ReceivePack pack{item.gtin, lot_number(unit, ++lots), add_days(today, random.between(400, 900)),
                         random.percent(20) ? random.between(3, 8) : random.between(150, 300), unit.warehouse};
        receive_pack(tx, received, pack);
        if (random.percent(40)) {
            const Actor near = staff(unit, "warehouse", days_ago(now, 300, 10));
            auto lot = receive_pack(tx, near, ReceivePack{item.gtin, lot_number(unit, ++lots),
                                                          add_days(today, random.between(10, 50)),
                                                          random.between(5, 25), unit.warehouse});
            if (!recall_candidate) recall_candidate = lot.id;
        }
        // Most items are kept between 10 and 40; a few run low and are on the reorder list.
        const Actor manager = staff(unit, "manager", days_ago(now, 690, 11));
        set_stock_level(tx, manager, unit.warehouse, item.id, 10, random.percent(15) ? 400 : 40);
    }
    // One lot went out of date on the shelf, and one is recalled by its manufacturer.
    {
        const auto& item = tied.back();
        const Actor received = staff(unit, "warehouse", days_ago(now, 400, 9));
        receive_pack(tx, received, ReceivePack{item.gtin, lot_number(unit, ++lots), add_days(today, -30), 40,
                                               unit.warehouse});
    }
    if (recall_candidate) {
        const Actor manager = staff(unit, "manager", days_ago(now, 5, 13));
        change_lot_status(tx, manager, *recall_candidate, LotStatus::recalled,
                          "Field safety notice from the manufacturer: connector may leak");
    }

    // Delivered cases: most get consumables picked and sent after the device, some a standing order.
    int standing = 0;
    for (const auto& c : tx.cases(unit.unit.id, CaseStatus::delivered, db::Page{10000, 0})) {
        if (!c.delivered_at || c.own_equipment) continue;
        std::vector<db::ConsumableItem> fits;
        for (const auto& item : tied)
            if (belongs_to_category(item.categories, c.category)) fits.push_back(item);
        if (fits.empty() || !random.percent(70)) continue;   // the rest are the collection-gap candidates
        const int since = std::max(1, days_between(local_date(*c.delivered_at), today));
        const int placed = std::min(since - 1, random.between(1, 60));
        const Timestamp at = days_ago(now, std::max(0, since - placed), 9);
        if (at <= *c.delivered_at) continue;
        const Actor caseworker = staff(unit, "caseworker", at);
        db::ConsumableOrder order;
        if (standing < 12 && random.percent(40)) {
            // A standing order from the delivery on (a mask every 90 days, a filter every 30), its first order now.
            ++standing;
            const Actor planner = staff(unit, "caseworker", *c.delivered_at);
            auto filter = std::find_if(fits.begin(), fits.end(), [](const db::ConsumableItem& item) {
                return item.name.find("filter") != std::string::npos;
            });
            auto first = create_standing_order(tx, planner, c.id, {fits.front().id, 1, 90, local_date(*c.delivered_at)});
            if (filter != fits.end() && filter != fits.begin())
                create_standing_order(tx, planner, c.id, {filter->id, 1, 30, local_date(*c.delivered_at)});
            order = order_from_standing(tx, caseworker, first.id);
        } else {
            order = create_consumable_order(tx, caseworker, c.id, {{random.pick(fits).id, random.between(1, 3)}},
                                            unit.warehouse);
        }
        pick_by_proposal(tx, staff(unit, "warehouse", Timestamp{at.unix_seconds + 1800}), order.id);
        const Timestamp sent{at.unix_seconds + 3600};
        deliver_consumable_order(tx, staff(unit, "warehouse", sent), order.id, sent);
    }
}

}  // namespace bhm::server::demo
