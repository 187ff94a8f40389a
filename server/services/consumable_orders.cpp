// Orders, FEFO picking and delivery of consumables; each rule is a shared/consumables/ function.
#include "server/services/consumable_orders.h"

#include <Poco/JSON/Array.h>

#include "shared/core/refusal.h"
#include "server/services/consumable_stock.h"
#include "server/services/recalls.h"
#include "server/views/views.h"
#include "shared/consumables/consumable_order.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

int picked_of(db::ConsumableRecords& records, const db::ConsumableOrderLine& line) {
    int picked = 0;
    for (const auto& p : records.picks_of_line(line.id)) picked += p.quantity;
    return picked;
}

bool all_picked(db::ConsumableRecords& records, const db::ConsumableOrder& order) {
    for (const auto& line : records.order_lines(order.id))
        if (picked_of(records, line) < line.quantity) return false;
    return true;
}

void order_event(db::Transaction& tx, const Actor& actor, const std::string& kind, const db::ConsumableOrder& order,
                 const std::string& before, Poco::JSON::Object data = Poco::JSON::Object()) {
    data.set("order_id", order.id);
    record_event(tx, actor, EventDraft{kind, std::nullopt, order.case_id, before, order.status, json_text(data)});
}

db::ConsumableItem item_of(db::ConsumableRecords& records, db::Id item_id) {
    auto item = records.consumable_item(item_id);
    if (!item) refuse(RefusalKind::not_found, "unknown_consumable", "Consumable " + std::to_string(item_id) + " is not in the catalogue.");
    return *item;
}

}  // namespace

db::ConsumableOrder create_consumable_order(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                            const std::vector<OrderLineRequest>& lines,
                                            std::optional<db::Id> warehouse_id, std::optional<db::Id> standing_order_id) {
    auto c = own_case(tx, actor, case_id);
    if (lines.empty() || lines.size() > 50) bad_input("invalid_field", "An order has 1 to 50 lines.");
    std::vector<db::ConsumableOrderLine> checked;
    for (const auto& request : lines) {
        if (request.quantity < 1 || request.quantity > 1000)
            bad_input("invalid_field", "Each line's quantity must be from 1 to 1000.");
        auto item = item_of(tx, request.item_id);
        OrderLineFacts facts{c.status, c.category, c.own_equipment, item.name, item.payer, item.categories};
        if (auto refusal = order_line_refusal(facts)) refuse(*refusal);
        checked.push_back(db::ConsumableOrderLine{0, 0, item.id, request.quantity, item.price_ore, item.payer});
    }
    db::ConsumableOrder order;
    order.unit_id = c.unit_id;
    order.case_id = c.id;
    order.warehouse_id = own_warehouse(tx, actor, warehouse_id).id;
    order.status = "open";
    order.standing_order_id = standing_order_id;
    order.created_at = actor.now;
    order.created_by = actor.caller.actor();
    order.id = tx.insert_consumable_order(order);
    for (auto& line : checked) {
        line.order_id = order.id;
        line.id = tx.insert_order_line(line);
    }
    Poco::JSON::Object data;
    data.set("lines", static_cast<int>(checked.size()));
    order_event(tx, actor, "consumables_ordered", order, "", data);
    return order;
}

db::ConsumableOrder own_consumable_order(db::Transaction& tx, const Actor& actor, db::Id order_id) {
    auto order = tx.consumable_order(order_id);
    if (!order || order->unit_id != actor.caller.unit_id) not_found("Consumable order " + std::to_string(order_id));
    return *order;
}

PickProposal proposal_for_line(db::ConsumableRecords& records, const db::ConsumableOrder& order,
                               const db::ConsumableOrderLine& line, Date today) {
    std::vector<StockLot> lots;
    for (const auto& l : records.lots_of_unit(order.unit_id, line.item_id))
        if (l.warehouse_id == order.warehouse_id) lots.push_back({l.id, l.lot, l.expiry, l.status, l.quantity});
    return propose_fefo(lots, line.quantity - picked_of(records, line), today);
}

db::ConsumableOrder pick_lot(db::Transaction& tx, const Actor& actor, db::Id order_id, db::Id lot_id, int quantity) {
    if (quantity < 1 || quantity > 1000) bad_input("invalid_field", "The quantity must be from 1 to 1000.");
    auto order = own_consumable_order(tx, actor, order_id);
    if (order.status == "delivered")
        refuse(RefusalKind::conflict, "order_delivered", "Order " + std::to_string(order.id) + " has been delivered already.");
    auto lot = own_lot(tx, actor, lot_id);
    if (auto refusal = check_lot_recall_holds(lot_recall_holds_of(tx, lot.id), lot.lot)) refuse(*refusal);
    if (auto refusal = lot_pick_refusal(lot.status, lot.expiry, local_date(actor.now), lot.lot)) refuse(*refusal);
    if (lot.warehouse_id != order.warehouse_id)
        refuse(RefusalKind::refused, "lot_in_other_warehouse", "Lot " + lot.lot + " is in another warehouse than this order's.");
    std::optional<db::ConsumableOrderLine> target;
    int still_needed = 0;
    bool on_order = false;
    for (const auto& line : tx.order_lines(order.id)) {
        if (line.item_id != lot.item_id) continue;
        on_order = true;
        const int left = line.quantity - picked_of(tx, line);
        if (left > 0) {
            target = line;
            still_needed = left;
            break;
        }
    }
    if (!on_order) refuse(RefusalKind::refused, "item_not_on_order", "This item is not on order " + std::to_string(order.id) + ".");
    if (auto refusal = pick_quantity_refusal(quantity, still_needed, lot.quantity, lot.lot)) refuse(*refusal);
    tx.insert_pick(db::ConsumablePick{0, target->id, lot.id, quantity, actor.now, actor.caller.actor()});
    tx.change_lot_quantity(lot.id, -quantity);
    const std::string before = order.status;
    if (all_picked(tx, order)) {
        order.status = "picked";
        tx.update_consumable_order(order);
    }
    Poco::JSON::Object data;
    data.set("lot_id", lot.id);
    data.set("lot", lot.lot);
    data.set("item_id", lot.item_id);
    data.set("quantity", quantity);
    order_event(tx, actor, "consumables_picked", order, before, data);
    return order;
}

db::ConsumableOrder pick_by_proposal(db::Transaction& tx, const Actor& actor, db::Id order_id) {
    auto order = own_consumable_order(tx, actor, order_id);
    if (order.status == "delivered")
        refuse(RefusalKind::conflict, "order_delivered", "Order " + std::to_string(order.id) + " has been delivered already.");
    const Date today = local_date(actor.now);
    for (const auto& line : tx.order_lines(order.id)) {
        auto proposal = proposal_for_line(tx, order, line, today);
        if (proposal.short_by > 0)
            refuse(RefusalKind::refused, "stock_short", item_of(tx, line.item_id).name + ": " + std::to_string(proposal.short_by) +
                                         " short of what may be issued from this warehouse.");
        for (const auto& pick : proposal.picks) order = pick_lot(tx, actor, order.id, pick.lot_id, pick.quantity);
    }
    return order;
}

db::ConsumableOrder issue_pack_to_case(db::Transaction& tx, const Actor& actor, const db::Case& c,
                                       const std::string& gtin, const std::string& lot_number, int quantity) {
    auto item = consumable_by_gtin(tx, gtin);
    if (!item) refuse(RefusalKind::not_found, "unknown_consumable", "No consumable with GTIN " + gtin + " is in the catalogue.");
    if (lot_number.empty())
        refuse(RefusalKind::refused, "lot_missing", "Scan the pack's GS1 code with its lot number (AI 10) to issue it.");
    const Date today = local_date(actor.now);
    std::vector<db::ConsumableLot> in_unit;
    for (const auto& l : tx.lots_by_number(item->id, lot_number))
        if (l.unit_id == actor.caller.unit_id) in_unit.push_back(l);
    if (in_unit.empty())
        refuse(RefusalKind::not_found, "unknown_lot", "Lot " + lot_number + " of " + item->name + " is not in your unit's stock.");
    for (const auto& l : in_unit) {
        if (auto refusal = check_lot_recall_holds(lot_recall_holds_of(tx, l.id), l.lot)) refuse(*refusal);
    }
    for (const auto& l : in_unit)
        if (auto refusal = lot_pick_refusal(l.status, l.expiry, today, l.lot)) refuse(*refusal);
    for (const auto& order : tx.consumable_orders_of_case(c.id)) {
        if (order.status != "open") continue;
        for (const auto& line : tx.order_lines(order.id)) {
            if (line.item_id != item->id || picked_of(tx, line) >= line.quantity) continue;
            auto lot = tx.lot_in_warehouse(order.warehouse_id, item->id, lot_number);
            if (!lot) refuse(RefusalKind::refused, "lot_in_other_warehouse", "Lot " + lot_number + " is not in this order's warehouse.");
            return pick_lot(tx, actor, order.id, lot->id, quantity);
        }
    }
    refuse(RefusalKind::refused, "no_open_order", "Case " + c.number + " has no open order that needs " + item->name + "; order it first.");
}

db::ConsumableOrder deliver_consumable_order(db::Transaction& tx, const Actor& actor, db::Id order_id,
                                             std::optional<Timestamp> delivered_at) {
    auto order = own_consumable_order(tx, actor, order_id);
    if (order.status == "delivered")
        refuse(RefusalKind::conflict, "order_delivered", "Order " + std::to_string(order.id) + " has been delivered already.");
    if (order.status != "picked")
        refuse(RefusalKind::refused, "order_not_picked", "Pick every line of the order before it is sent.");
    const Timestamp at = delivered_at.value_or(actor.now);
    if (at > actor.now) bad_input("invalid_field", "Field 'delivered_at' may not be in the future.");
    auto c = own_case(tx, actor, order.case_id);
    if (auto refusal = order_delivery_refusal(c.delivered_at, at)) refuse(*refusal);
    order.status = "delivered";
    order.delivered_at = at;
    order.delivered_by = actor.caller.actor();
    tx.update_consumable_order(order);
    if (order.standing_order_id) {
        if (auto standing = tx.standing_order(*order.standing_order_id)) {
            standing->last_sent_on = local_date(at);
            tx.update_standing_order(*standing);
        }
    }
    order_event(tx, actor, "consumables_delivered", order, "picked");
    return order;
}

int deliver_picked_with_device(db::Transaction& tx, const Actor& actor, const db::Case& c, Timestamp delivered_at) {
    int sent = 0;
    for (auto order : tx.consumable_orders_of_case(c.id)) {
        // Only the delivering unit's own picks go with its device: an order picked in another unit's warehouse
        // before a transfer is that unit's to send (and to count in its costs).
        if (order.status != "picked" || order.unit_id != actor.caller.unit_id) continue;
        order.status = "delivered";
        order.delivered_at = delivered_at;
        order.delivered_by = actor.caller.actor();
        tx.update_consumable_order(order);
        if (order.standing_order_id) {
            if (auto standing = tx.standing_order(*order.standing_order_id)) {
                standing->last_sent_on = local_date(delivered_at);
                tx.update_standing_order(*standing);
            }
        }
        Poco::JSON::Object data;
        data.set("with_device", true);
        order_event(tx, actor, "consumables_delivered", order, "picked", data);
        ++sent;
    }
    return sent;
}

Poco::JSON::Object::Ptr consumable_order_view(db::Transaction& tx, const db::ConsumableOrder& order, Date today) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", order.id);
    o->set("case_id", order.case_id);
    o->set("warehouse_id", order.warehouse_id);
    o->set("status", order.status);
    o->set("standing_order_id", order.standing_order_id ? Poco::Dynamic::Var(*order.standing_order_id) : Poco::Dynamic::Var());
    o->set("created_at", to_iso(order.created_at));
    o->set("delivered_at", order.delivered_at ? Poco::Dynamic::Var(to_iso(*order.delivered_at)) : Poco::Dynamic::Var());
    std::int64_t cost = 0;
    Poco::JSON::Array::Ptr lines = new Poco::JSON::Array;
    for (const auto& line : tx.order_lines(order.id)) {
        Poco::JSON::Object::Ptr l = new Poco::JSON::Object;
        auto item = tx.consumable_item(line.item_id);
        l->set("id", line.id);
        l->set("item_id", line.item_id);
        l->set("gtin", item ? item->gtin : "");
        l->set("name", item ? item->name : "");
        l->set("quantity", line.quantity);
        l->set("price_ore", line.price_ore);
        l->set("cost_ore", line.price_ore * line.quantity);
        l->set("payer", to_string(line.payer));
        cost += line.price_ore * line.quantity;
        Poco::JSON::Array::Ptr picks = new Poco::JSON::Array;
        int picked = 0;
        for (const auto& p : tx.picks_of_line(line.id)) {
            Poco::JSON::Object::Ptr po = new Poco::JSON::Object;
            auto lot = tx.lot(p.lot_id);
            po->set("lot_id", p.lot_id);
            po->set("lot", lot ? lot->lot : "");
            po->set("quantity", p.quantity);
            picks->add(po);
            picked += p.quantity;
        }
        l->set("picked", picked);
        l->set("picks", picks);
        if (order.status == "open") {
            auto proposal = proposal_for_line(tx, order, line, today);
            Poco::JSON::Array::Ptr proposed = new Poco::JSON::Array;
            for (const auto& p : proposal.picks) {
                auto lot = tx.lot(p.lot_id);
                Poco::JSON::Object::Ptr po = new Poco::JSON::Object;
                po->set("lot_id", p.lot_id);
                po->set("lot", lot ? lot->lot : "");
                po->set("expiry", lot ? to_iso(lot->expiry) : "");
                po->set("quantity", p.quantity);
                proposed->add(po);
            }
            l->set("proposed_picks", proposed);
            l->set("short_by", proposal.short_by);
        }
        lines->add(l);
    }
    o->set("lines", lines);
    o->set("cost_ore", cost);
    return o;
}

}  // namespace bhm::server
