// Due dates of standing orders, by plain day arithmetic.
#include "shared/consumables/standing_supply.h"

namespace bhm {

Date standing_order_next_due(Date start_on, std::optional<Date> last_sent_on, int interval_days) {
    return last_sent_on ? add_days(*last_sent_on, interval_days) : start_on;
}

Date end_of_week(Date today) {
    // 1970-01-01 was a Thursday: (days + 3) % 7 is 0 on a Monday.
    const auto days = days_since_epoch(today);
    const int weekday = static_cast<int>(((days + 3) % 7 + 7) % 7);
    return add_days(today, 6 - weekday);
}

bool standing_order_due_this_week(Date next_due, Date today) { return next_due <= end_of_week(today); }

bool valid_supply_interval(int interval_days) { return interval_days >= 1 && interval_days <= 730; }

}  // namespace bhm
