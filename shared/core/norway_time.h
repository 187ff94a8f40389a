// Norwegian calendar days. Timestamps are stored in UTC, but every rule that
// speaks of "today" (due dates, deadlines, "not in the future") means the date
// in Norway: CET (UTC+1), and CEST (UTC+2) from the last Sunday of March 01:00 UTC
// to the last Sunday of October 01:00 UTC (the EU summer-time rule, Directive 2000/84/EC).
#pragma once

#include "shared/core/date.h"

namespace bhm {

int norway_utc_offset_seconds(Timestamp at);
Date local_date(Timestamp at);          // the calendar date in Norway at that instant
Timestamp local_start_of(Date date);    // midnight in Norway, as a UTC timestamp

}  // namespace bhm
