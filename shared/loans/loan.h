// A loan's dates: when it is due for review/return, whether it is overdue, and how long it lasted.
// Used for reminders and for the network's annual report on loan durations.
#pragma once

#include <optional>

#include "shared/core/date.h"

namespace bhm {

Date loan_due(Date delivered, int loan_days);
bool loan_overdue(Date due, Date today);                      // true from the day after due
bool loan_due_within(Date due, Date today, int days);         // not overdue, due in [today, today+days]
int loan_duration_days(Date delivered, Date returned);        // returned - delivered
int loan_duration_days(Date delivered, std::optional<Date> returned, Date today);  // still out: to today

}  // namespace bhm
