// Consumable stock by warehouse, item and lot: receiving packs (by GS1 code or typed), setting a lot's
// status with a reason, and counting. Every change is one audit event in the caller's transaction.
// The recall work marks covered lots recalled through change_lot_status; picking then refuses them.
#pragma once

#include "server/services/actor.h"

namespace bhm::server {

struct ReceivePack {
    std::string gtin, lot;
    Date expiry;
    int quantity = 1;
    std::optional<db::Id> warehouse_id;   // unset: the unit's first warehouse
};

// The consumable item of a GTIN, or nothing when the GTIN is not a consumable (a device model, say).
std::optional<db::ConsumableItem> consumable_by_gtin(db::ConsumableRecords& records, const std::string& gtin);

// The warehouse of the caller's unit (the given one, checked, or the unit's first).
db::Warehouse own_warehouse(db::Transaction& tx, const Actor& actor, std::optional<db::Id> warehouse_id);
db::ConsumableLot own_lot(db::Transaction& tx, const Actor& actor, db::Id lot_id);

// Adds the packs to the lot (made on its first receipt). A lot number seen before must carry the same expiry.
// A lot an open field safety notice covers is held at once: recalled, the notice named in its reason.
db::ConsumableLot receive_pack(db::Transaction& tx, const Actor& actor, const ReceivePack& pack);

// Sets the lot's status with a reason: the store appends the change, and an audit event names the lot.
db::ConsumableLot change_lot_status(db::Transaction& tx, const Actor& actor, db::Id lot_id, LotStatus status,
                                    const std::string& reason);

struct LotCount { db::ConsumableLot lot; int counted = 0; bool mismatch = false; };
// Records a count of the lot's packs on the shelf; a count that differs from the stock is a mismatch.
LotCount count_lot(db::Transaction& tx, const Actor& actor, const db::ConsumableLot& lot, int counted);

}  // namespace bhm::server
