// Standing supply, the collection gap and reordering: the store gives the rows, shared/consumables/ decides.
#include "server/services/consumable_supply.h"

#include <Poco/JSON/Object.h>

#include <algorithm>
#include <map>

#include "shared/core/refusal.h"
#include "server/services/consumable_orders.h"
#include "server/services/consumable_stock.h"
#include "server/views/consumable_views.h"
#include "server/views/views.h"
#include "shared/consumables/collection_gap.h"
#include "shared/consumables/consumable_order.h"
#include "shared/consumables/reorder.h"
#include "shared/consumables/standing_supply.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

db::StandingOrder own_standing(db::Transaction& tx, const Actor& actor, db::Id id) {
    auto s = tx.standing_order(id);
    if (!s || s->unit_id != actor.caller.unit_id) not_found("Standing order " + std::to_string(id));
    return *s;
}

std::optional<db::ConsumableOrder> open_order_of(db::ConsumableRecords& records, const db::StandingOrder& s) {
    for (const auto& order : records.consumable_orders_of_case(s.case_id))
        if (order.standing_order_id == s.id && order.status != "delivered") return order;
    return std::nullopt;
}

}  // namespace

db::StandingOrder create_standing_order(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                        const StandingOrderCommand& command) {
    auto c = own_case(tx, actor, case_id);
    if (command.quantity < 1 || command.quantity > 1000)
        bad_input("invalid_field", "Field 'quantity' must be from 1 to 1000.");
    if (!valid_supply_interval(command.interval_days))
        bad_input("invalid_field", "Field 'interval_days' must be from 1 to 730.");
    auto item = tx.consumable_item(command.item_id);
    if (!item) refuse(RefusalKind::not_found, "unknown_consumable", "Consumable " + std::to_string(command.item_id) + " is not in the catalogue.");
    OrderLineFacts facts{c.status, c.category, c.own_equipment, item->name, item->payer, item->categories};
    if (auto refusal = order_line_refusal(facts)) refuse(*refusal);
    db::StandingOrder s;
    s.unit_id = c.unit_id;
    s.case_id = c.id;
    s.item_id = item->id;
    s.quantity = command.quantity;
    s.interval_days = command.interval_days;
    s.start_on = command.start_on.value_or(local_date(actor.now));
    s.active = true;
    s.created_at = actor.now;
    s.created_by = actor.caller.actor();
    s.id = tx.insert_standing_order(s);
    Poco::JSON::Object data;
    data.set("standing_order_id", s.id);
    data.set("item_id", s.item_id);
    data.set("interval_days", s.interval_days);
    record_event(tx, actor, EventDraft{"standing_order_created", std::nullopt, c.id, "", "", json_text(data)});
    return s;
}

db::ConsumableOrder order_from_standing(db::Transaction& tx, const Actor& actor, db::Id standing_order_id) {
    auto s = own_standing(tx, actor, standing_order_id);
    if (auto open = open_order_of(tx, s))
        refuse(RefusalKind::conflict, "order_open", "Order " + std::to_string(open->id) + " for this standing order has not gone out yet.");
    return create_consumable_order(tx, actor, s.case_id, {{s.item_id, s.quantity}}, std::nullopt, s.id);
}

Poco::JSON::Array::Ptr standing_orders_due(db::Transaction& tx, const Actor& actor) {
    const Date today = local_date(actor.now);
    struct Due { Date next; db::StandingOrder order; };
    std::vector<Due> due;
    for (const auto& s : tx.standing_orders_of_unit(actor.caller.unit_id)) {
        auto c = tx.case_by_id(s.case_id);
        if (!c || c->status != CaseStatus::delivered) continue;   // supply runs while the device is out
        const Date next = standing_order_next_due(s.start_on, s.last_sent_on, s.interval_days);
        if (standing_order_due_this_week(next, today)) due.push_back({next, s});
    }
    std::stable_sort(due.begin(), due.end(), [](const Due& a, const Due& b) { return a.next < b.next; });
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& d : due) {
        auto o = standing_order_view(d.order, d.next);
        auto c = tx.case_by_id(d.order.case_id);
        auto item = tx.consumable_item(d.order.item_id);
        o->set("case_number", c ? c->number : "");
        o->set("item_name", item ? item->name : "");
        o->set("overdue", d.next < today);
        auto open = open_order_of(tx, d.order);
        o->set("open_order_id", open ? Poco::Dynamic::Var(open->id) : Poco::Dynamic::Var());
        items->add(o);
    }
    return items;
}

Poco::JSON::Array::Ptr collection_gaps(db::Transaction& tx, const Actor& actor, int days) {
    const Date today = local_date(actor.now);
    std::map<std::string, bool> has_tied;   // category -> has device-tied items
    for (const auto& item : tx.consumable_items())
        if (item.payer == Payer::device_tied)
            for (const auto& c : item.categories) has_tied[c] = true;
    std::map<db::Id, Timestamp> last;
    for (const auto& [case_id, at] : tx.last_consumable_delivery_by_case(actor.caller.unit_id)) last[case_id] = at;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& loan : tx.open_loans_due(actor.caller.unit_id, Date{9999, 12, 31})) {
        auto c = tx.case_by_id(loan.case_id);
        if (!c || c->own_equipment || !has_tied[c->category]) continue;
        auto found = last.find(c->id);
        std::optional<Date> collected;
        if (found != last.end()) collected = local_date(found->second);
        auto gap = collection_gap(local_date(loan.delivered_at), collected, today, days);
        if (!gap) continue;
        auto patient = tx.patient(c->patient_id);
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("loan_id", loan.id);
        o->set("case_id", c->id);
        o->set("case_number", c->number);
        o->set("category", c->category);
        o->set("device_id", loan.device_id);
        o->set("municipality", patient ? patient->municipality : "");
        o->set("delivered_at", to_iso(loan.delivered_at));
        o->set("last_collected_on", collected ? Poco::Dynamic::Var(to_iso(*collected)) : Poco::Dynamic::Var());
        o->set("days_without_collection", gap->days);
        items->add(o);
    }
    return items;
}

db::StockLevel set_stock_level(db::Transaction& tx, const Actor& actor, db::Id warehouse_id, db::Id item_id,
                               int minimum, int maximum) {
    auto warehouse = own_warehouse(tx, actor, warehouse_id);
    auto item = tx.consumable_item(item_id);
    if (!item) refuse(RefusalKind::not_found, "unknown_consumable", "Consumable " + std::to_string(item_id) + " is not in the catalogue.");
    if (auto refusal = stock_level_refusal(minimum, maximum)) refuse(*refusal);
    db::StockLevel level{warehouse.id, item->id, minimum, maximum};
    tx.put_stock_level(level);
    Poco::JSON::Object data;
    data.set("warehouse_id", warehouse.id);
    data.set("item_id", item->id);
    data.set("minimum", minimum);
    data.set("maximum", maximum);
    record_event(tx, actor, EventDraft{"stock_level_set", std::nullopt, std::nullopt, "", "", json_text(data)});
    return level;
}

Poco::JSON::Array::Ptr reorder_list(db::Transaction& tx, const Actor& actor) {
    const Date today = local_date(actor.now);
    std::map<std::pair<db::Id, db::Id>, int> on_hand;   // (warehouse, item) -> packs that may be issued
    for (const auto& lot : tx.lots_of_unit(actor.caller.unit_id, std::nullopt))
        if (!lot_pick_refusal(lot.status, lot.expiry, today, lot.lot)) on_hand[{lot.warehouse_id, lot.item_id}] += lot.quantity;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& warehouse : tx.warehouses(actor.caller.unit_id)) {
        for (const auto& level : tx.stock_levels(warehouse.id)) {
            const int have = on_hand[{warehouse.id, level.item_id}];
            const int order = reorder_quantity(have, level.minimum, level.maximum);
            if (order == 0) continue;
            auto item = tx.consumable_item(level.item_id);
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("warehouse_id", warehouse.id);
            o->set("warehouse", warehouse.name);
            o->set("item_id", level.item_id);
            o->set("gtin", item ? item->gtin : "");
            o->set("name", item ? item->name : "");
            o->set("on_hand", have);
            o->set("minimum", level.minimum);
            o->set("maximum", level.maximum);
            o->set("order_quantity", order);
            o->set("cost_ore", item ? item->price_ore * order : 0);
            items->add(o);
        }
    }
    return items;
}

}  // namespace bhm::server
