// Standing supply: a case that needs a regular supply (a CPAP mask every 90 days, filters every 30)
// holds a standing order with an interval. Each is next due an interval after it was last sent (or on
// its start date), and the due list shows every one due by the end of the current week.
#pragma once

#include <optional>

#include "shared/core/date.h"

namespace bhm {

Date standing_order_next_due(Date start_on, std::optional<Date> last_sent_on, int interval_days);
// Sunday of the ISO week that holds `today` (the week runs Monday to Sunday, as in Norway).
Date end_of_week(Date today);
bool standing_order_due_this_week(Date next_due, Date today);

// An interval must be 1..730 days.
bool valid_supply_interval(int interval_days);

}  // namespace bhm
