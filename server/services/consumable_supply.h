// The consumables' lists for planning: standing orders of a case and the week's due list, the loans
// whose device-tied consumables have not been collected for N days (candidates to contact about a return),
// and each warehouse's reorder list (items below their minimum, and how many to order up to the maximum).
#pragma once

#include <Poco/JSON/Array.h>

#include "server/services/actor.h"

namespace bhm::server {

struct StandingOrderCommand {
    db::Id item_id = 0; int quantity = 0; int interval_days = 0; std::optional<Date> start_on;
};

// A standing order holds only what may be ordered for the case (rule 8, the category).
db::StandingOrder create_standing_order(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                        const StandingOrderCommand& command);
// Makes the consumable order for a standing order's next delivery.
db::ConsumableOrder order_from_standing(db::Transaction& tx, const Actor& actor, db::Id standing_order_id);

// The unit's standing orders due by the end of this week, earliest first (with an open order, if made).
Poco::JSON::Array::Ptr standing_orders_due(db::Transaction& tx, const Actor& actor);
// Open loans of categories with device-tied consumables, nothing collected for more than `days` days.
Poco::JSON::Array::Ptr collection_gaps(db::Transaction& tx, const Actor& actor, int days);

// Sets a warehouse's minimum and maximum for an item.
db::StockLevel set_stock_level(db::Transaction& tx, const Actor& actor, db::Id warehouse_id, db::Id item_id,
                               int minimum, int maximum);
// Items below their minimum in each warehouse of the unit (stock that may be issued counts).
Poco::JSON::Array::Ptr reorder_list(db::Transaction& tx, const Actor& actor);

}  // namespace bhm::server
