// The EU summer-time rule computed from the civil calendar; no time-zone database needed.
#include "shared/core/norway_time.h"

namespace bhm {
namespace {

Date last_sunday(int year, int month) {
    Date last{year, month, days_in_month(year, month)};
    // 1970-01-01 was a Thursday: weekday 0 = Sunday is (days + 4) mod 7.
    const auto days = days_since_epoch(last);
    const int weekday = static_cast<int>(((days + 4) % 7 + 7) % 7);
    return add_days(last, -weekday);
}

}  // namespace

int norway_utc_offset_seconds(Timestamp at) {
    const int year = date_of(at).year;
    const auto summer_starts = start_of(last_sunday(year, 3)).unix_seconds + 3600;
    const auto summer_ends = start_of(last_sunday(year, 10)).unix_seconds + 3600;
    const bool summer = at.unix_seconds >= summer_starts && at.unix_seconds < summer_ends;
    return summer ? 7200 : 3600;
}

Date local_date(Timestamp at) { return date_of(Timestamp{at.unix_seconds + norway_utc_offset_seconds(at)}); }

Timestamp local_start_of(Date date) {
    const auto utc_midnight = start_of(date).unix_seconds;
    // The offset at local midnight is the one in force an hour or two before UTC midnight.
    return Timestamp{utc_midnight - norway_utc_offset_seconds(Timestamp{utc_midnight - 7200})};
}

}  // namespace bhm
