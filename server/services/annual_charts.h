// The figures behind the annual report's two charts: loans started and ended in each month of a year, and how
// many days applications waited for their delivery, in buckets. Counted the way annual_report() counts: each
// fact for the unit that held the case or loan when it happened (shared/cases/unit_over_time.h), so a received
// transfer never changes the sending unit's past months; Norwegian dates; own equipment never counted.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/services/actor.h"

namespace bhm::server {

// The charts over `units` together (one unit, or a region's): {"year", "months":[{month, delivered, returned}],
// "waiting_to_delivery":[{from_days, to_days, cases}]}.
Poco::JSON::Object::Ptr annual_charts(db::Transaction& tx, const std::vector<db::Unit>& units, int year);

}  // namespace bhm::server
