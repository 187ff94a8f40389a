// The demo set's consumables: stock of every device-tied reference item in each unit's warehouse (some
// lots near expiry, one expired lot, one lot recalled), minimum and maximum levels, standing orders on
// delivered cases, and orders picked and sent after their devices, all through the consumable services.
#pragma once

#include "server/demo/demo_history.h"

namespace bhm::server::demo {

void play_consumables(db::Transaction& tx, DemoRandom& random, const LoadedUnit& unit, Timestamp now);

}  // namespace bhm::server::demo
