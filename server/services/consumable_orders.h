// Consumable orders for a case: made against an approved case and its category (rule 8 decides what may
// be ordered), picked first-expiry-first-out from lots that may be issued, and delivered with the device
// (deliver_picked_with_device, called by the delivery) or after it.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/services/actor.h"
#include "shared/consumables/fefo.h"

namespace bhm::server {

struct OrderLineRequest { db::Id item_id = 0; int quantity = 0; };

db::ConsumableOrder create_consumable_order(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                            const std::vector<OrderLineRequest>& lines,
                                            std::optional<db::Id> warehouse_id = std::nullopt,
                                            std::optional<db::Id> standing_order_id = std::nullopt);

db::ConsumableOrder own_consumable_order(db::Transaction& tx, const Actor& actor, db::Id order_id);

// FEFO proposal for what a line still needs, from the order's warehouse.
PickProposal proposal_for_line(db::ConsumableRecords& records, const db::ConsumableOrder& order,
                               const db::ConsumableOrderLine& line, Date today);

// Takes `quantity` packs of the lot for the order's line of that item. A lot that may not be issued
// (expired, recalled, on hold, quarantined) is refused with its reason.
db::ConsumableOrder pick_lot(db::Transaction& tx, const Actor& actor, db::Id order_id, db::Id lot_id, int quantity);
// Picks every line by the FEFO proposal; refused when the stock that may be issued is short.
db::ConsumableOrder pick_by_proposal(db::Transaction& tx, const Actor& actor, db::Id order_id);
// An issue scan: the pack of `gtin` and `lot` goes to the case's open order that still needs that item.
db::ConsumableOrder issue_pack_to_case(db::Transaction& tx, const Actor& actor, const db::Case& c,
                                       const std::string& gtin, const std::string& lot, int quantity);

// Sends a picked order; refused before the case's device has been delivered.
db::ConsumableOrder deliver_consumable_order(db::Transaction& tx, const Actor& actor, db::Id order_id,
                                             std::optional<Timestamp> delivered_at);
// With the device: every picked order of the case goes out with it (returns how many).
int deliver_picked_with_device(db::Transaction& tx, const Actor& actor, const db::Case& c, Timestamp delivered_at);

// The order with its lines (item, quantity, price, payer, picked, the FEFO proposal) and its cost in øre.
Poco::JSON::Object::Ptr consumable_order_view(db::Transaction& tx, const db::ConsumableOrder& order, Date today);

}  // namespace bhm::server
