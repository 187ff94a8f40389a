// JSON views of the consumables: items, lots (with the status that holds today), orders with their
// lines, picks and FEFO proposal, and standing orders. Kept apart from views.h, one concept per file.
#pragma once

#include <Poco/JSON/Object.h>

#include "db/consumable_records.h"

namespace bhm::server {

Poco::JSON::Object::Ptr consumable_item_view(const db::ConsumableItem& item);
// The lot as stored, plus effective_status and near_expiry as of `today`.
Poco::JSON::Object::Ptr lot_view(const db::ConsumableLot& lot, Date today);
Poco::JSON::Object::Ptr standing_order_view(const db::StandingOrder& order, Date next_due);

}  // namespace bhm::server
