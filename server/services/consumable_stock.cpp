// Receiving, lot status and counting of consumables; the rules on lots are in shared/consumables/.
#include "server/services/consumable_stock.h"

#include <Poco/JSON/Object.h>

#include "server/services/recalls.h"
#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

void lot_event(db::Transaction& tx, const Actor& actor, const std::string& kind, const db::ConsumableLot& lot,
               const std::string& before, const std::string& after, Poco::JSON::Object data) {
    data.set("lot_id", lot.id);
    data.set("item_id", lot.item_id);
    data.set("lot", lot.lot);
    data.set("warehouse_id", lot.warehouse_id);
    record_event(tx, actor, EventDraft{kind, std::nullopt, std::nullopt, before, after, json_text(data)});
}

}  // namespace

std::optional<db::ConsumableItem> consumable_by_gtin(db::ConsumableRecords& records, const std::string& gtin) {
    return records.consumable_item_by_gtin(gtin);
}

db::Warehouse own_warehouse(db::Transaction& tx, const Actor& actor, std::optional<db::Id> warehouse_id) {
    if (warehouse_id) {
        auto w = tx.warehouse(*warehouse_id);
        if (!w || w->unit_id != actor.caller.unit_id) not_found("Warehouse " + std::to_string(*warehouse_id));
        return *w;
    }
    auto all = tx.warehouses(actor.caller.unit_id);
    if (all.empty()) refuse(RefusalKind::refused, "no_warehouse", "Your unit has no warehouse to keep consumables in.");
    return all.front();
}

db::ConsumableLot own_lot(db::Transaction& tx, const Actor& actor, db::Id lot_id) {
    auto lot = tx.lot(lot_id);
    if (!lot || lot->unit_id != actor.caller.unit_id) not_found("Lot " + std::to_string(lot_id));
    return *lot;
}

db::ConsumableLot receive_pack(db::Transaction& tx, const Actor& actor, const ReceivePack& pack) {
    if (pack.quantity < 1 || pack.quantity > 100000)
        refuse(RefusalKind::bad_input, "invalid_field", "The quantity must be a whole number from 1 to 100000.");
    if (pack.lot.empty())
        refuse(RefusalKind::refused, "lot_missing", "A consumable pack is received with its lot number (GS1 AI 10) and expiry (AI 17).");
    if (auto refusal = receipt_refusal(pack.expiry, local_date(actor.now), pack.lot)) refuse(*refusal);
    auto item = consumable_by_gtin(tx, pack.gtin);
    if (!item) refuse(RefusalKind::not_found, "unknown_consumable", "No consumable with GTIN " + pack.gtin + " is in the catalogue.");
    const auto warehouse = own_warehouse(tx, actor, pack.warehouse_id);
    auto lot = tx.lot_in_warehouse(warehouse.id, item->id, pack.lot);
    if (lot && lot->expiry != pack.expiry)
        refuse(RefusalKind::refused, "lot_expiry_mismatch", "Lot " + pack.lot + " is in stock with expiry " + to_iso(lot->expiry) +
                                             ", not " + to_iso(pack.expiry) + "; check the label.");
    if (!lot) {
        db::ConsumableLot fresh;
        fresh.unit_id = actor.caller.unit_id;
        fresh.warehouse_id = warehouse.id;
        fresh.item_id = item->id;
        fresh.lot = pack.lot;
        fresh.expiry = pack.expiry;
        fresh.status = LotStatus::available;
        fresh.quantity = 0;
        fresh.received_at = actor.now;
        fresh.id = tx.insert_lot(fresh);
        lot = fresh;
    }
    tx.change_lot_quantity(lot->id, pack.quantity);
    lot->quantity += pack.quantity;
    Poco::JSON::Object data;
    data.set("gtin", item->gtin);
    data.set("expiry", to_iso(pack.expiry));
    data.set("quantity", pack.quantity);
    lot_event(tx, actor, "consumable_received", *lot, "", to_string(lot->status), data);
    if (!hold_lot_at_receipt(tx, actor, *lot, item->gtin).empty()) lot = tx.lot(lot->id);
    return *lot;
}

db::ConsumableLot change_lot_status(db::Transaction& tx, const Actor& actor, db::Id lot_id, LotStatus status,
                                    const std::string& reason) {
    auto lot = own_lot(tx, actor, lot_id);
    const auto before = lot.status;
    tx.set_lot_status(lot.id, status, reason, actor.now, actor.caller.actor());
    lot.status = status;
    lot.status_reason = reason;
    Poco::JSON::Object data;
    data.set("reason", reason);
    lot_event(tx, actor, "lot_status_changed", lot, to_string(before), to_string(status), data);
    return lot;
}

LotCount count_lot(db::Transaction& tx, const Actor& actor, const db::ConsumableLot& lot, int counted) {
    if (counted < 0 || counted > 100000) refuse(RefusalKind::bad_input, "invalid_field", "The counted quantity must be from 0 to 100000.");
    Poco::JSON::Object data;
    data.set("registered_quantity", lot.quantity);
    data.set("counted", counted);
    data.set("mismatch", counted != lot.quantity);
    lot_event(tx, actor, "lot_counted", lot, to_string(lot.status), to_string(lot.status), data);
    return {lot, counted, counted != lot.quantity};
}

}  // namespace bhm::server
