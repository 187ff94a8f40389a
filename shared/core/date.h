// Calendar dates and UTC timestamps for the domain. Time is always passed in (no clock here);
// parsing is hand-written on civil-day arithmetic because g++ 12 lacks std::chrono::parse.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bhm {

// A proleptic Gregorian calendar date. Only valid dates come out of the functions below.
struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;
    friend auto operator<=>(const Date&, const Date&) = default;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 when month is outside 1..12
bool is_valid_date(int year, int month, int day);

// "YYYY-MM-DD" exactly, validated (month range, day range incl. leap years). Nothing else accepted.
std::optional<Date> parse_iso_date(std::string_view text);
std::string to_iso(Date date);  // "YYYY-MM-DD"

std::int64_t days_since_epoch(Date date);  // 1970-01-01 is 0
Date date_from_days(std::int64_t days);
Date add_days(Date date, int days);
Date add_months(Date date, int months);  // day clamped to the end of the target month
int days_between(Date from, Date to);    // to - from, negative when to is earlier

// A moment in time, seconds since 1970-01-01T00:00:00Z.
struct Timestamp {
    std::int64_t unix_seconds = 0;
    friend auto operator<=>(const Timestamp&, const Timestamp&) = default;
};

// Accepts "YYYY-MM-DDThh:mm:ss" followed by an optional fraction (".123", dropped) and a zone,
// "Z" or "±hh:mm"; a 't' or ' ' separator is also accepted. A plain "YYYY-MM-DD" means midnight UTC.
// A time without a zone is refused (it would be ambiguous).
std::optional<Timestamp> parse_iso_timestamp(std::string_view text);
std::string to_iso(Timestamp time);  // "YYYY-MM-DDThh:mm:ssZ"
Date date_of(Timestamp time);        // the UTC calendar date
Timestamp start_of(Date date);       // midnight UTC

}  // namespace bhm
