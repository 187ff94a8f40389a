// The demo set's field safety notice: one open notice from the first model's manufacturer in the first unit,
// covering a few of its devices by serial (some in stock, some on loan), registered by the unit's manager
// through the recall workflow, so the holds, the affected list and the dashboard count show at once.
#pragma once

#include "server/demo/demo_history.h"

namespace bhm::server::demo {

void register_demo_recall(db::Transaction& tx, DemoHistory& history, const LoadedUnit& unit, const db::Model& model);

}  // namespace bhm::server::demo
