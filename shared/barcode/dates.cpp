// Calendar arithmetic for barcode dates (proleptic Gregorian), kept free of any clock.
#include "shared/barcode/dates.h"

#include <cstdio>

namespace bhm::barcode {

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : kDays[month - 1];
}

int expand_two_digit_year(int yy, int reference_year) {
    const int reference_yy = reference_year % 100;
    const int century = reference_year - reference_yy;
    const int difference = yy - reference_yy;
    if (difference >= 51) return century - 100 + yy;
    if (difference <= -50) return century + 100 + yy;
    return century + yy;
}

std::optional<CalendarDate> date_from_day_of_year(int year, int day_of_year) {
    if (day_of_year < 1) return std::nullopt;
    int remaining = day_of_year;
    for (int month = 1; month <= 12; ++month) {
        const int length = days_in_month(year, month);
        if (remaining <= length) return CalendarDate{year, month, remaining};
        remaining -= length;
    }
    return std::nullopt;
}

std::string to_iso(CalendarDate date) {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buffer;
}

std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos > text.size() || text.size() - pos < count) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < count; ++i) {
        const char c = text[pos + i];
        if (c < '0' || c > '9') return std::nullopt;
        value = value * 10 + (c - '0');
    }
    return value;
}

}  // namespace bhm::barcode
