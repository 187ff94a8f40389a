// Calendar rules shared by the GS1 and HIBC parsers: two-digit years, month lengths, day-of-year
// dates and ISO text. Pure: the "current" year is always passed in as a reference year.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace bhm::barcode {

// The reference year used when a caller does not pass one. Kept here and nowhere else.
inline constexpr int kDefaultReferenceYear = 2026;
// Reference years we accept, so that every resulting year has four digits.
inline constexpr int kMinReferenceYear = 1100;
inline constexpr int kMaxReferenceYear = 9900;

struct CalendarDate {
    int year = 0;
    int month = 0;
    int day = 0;
};

bool is_leap_year(int year);
int days_in_month(int year, int month);  // 0 when month is outside 1..12

// GS1 General Specifications §7.12: a two-digit year YY lands within -49..+50 years of the
// reference year (difference 51..99 → previous century, -99..-50 → next century, else current).
int expand_two_digit_year(int yy, int reference_year);

// Day 1..365/366 of `year`; nullopt when the day does not exist in that year.
std::optional<CalendarDate> date_from_day_of_year(int year, int day_of_year);

std::string to_iso(CalendarDate date);  // "YYYY-MM-DD"

// Reads exactly `count` ASCII digits from `text` at `pos`; nullopt if any is not a digit.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t count);

}  // namespace bhm::barcode
