// Date and timestamp arithmetic on civil days (Howard Hinnant's days_from_civil / civil_from_days),
// and strict ISO-8601 parsing. No clock and no locale: the same input always gives the same output.
#include "shared/core/date.h"

namespace bhm {
namespace {

constexpr std::int64_t seconds_per_day = 86400;

// Reads exactly `count` ASCII digits at `pos`; nullopt if any is not a digit or the text is short.
std::optional<int> read_digits(std::string_view text, std::size_t pos, std::size_t count) {
    if (pos + count > text.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = pos; i < pos + count; ++i) {
        if (text[i] < '0' || text[i] > '9') return std::nullopt;
        value = value * 10 + (text[i] - '0');
    }
    return value;
}

std::string pad(std::int64_t value, int width) {
    std::string digits = std::to_string(value < 0 ? -value : value);
    if (static_cast<int>(digits.size()) < width) digits.insert(0, width - digits.size(), '0');
    return value < 0 ? "-" + digits : digits;
}

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q;
}

}  // namespace

bool is_leap_year(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
    static constexpr int lengths[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12) return 0;
    return month == 2 && is_leap_year(year) ? 29 : lengths[month - 1];
}

bool is_valid_date(int year, int month, int day) {
    return year >= 1 && year <= 9999 && day >= 1 && day <= days_in_month(year, month);
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto year = read_digits(text, 0, 4);
    auto month = read_digits(text, 5, 2);
    auto day = read_digits(text, 8, 2);
    if (!year || !month || !day || !is_valid_date(*year, *month, *day)) return std::nullopt;
    return Date{*year, *month, *day};
}

std::string to_iso(Date date) { return pad(date.year, 4) + "-" + pad(date.month, 2) + "-" + pad(date.day, 2); }

std::int64_t days_since_epoch(Date date) {
    std::int64_t y = date.year - (date.month <= 2 ? 1 : 0);
    const std::int64_t era = floor_div(y, 400);
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t month_index = date.month > 2 ? date.month - 3 : date.month + 9;
    const std::int64_t day_of_year = (153 * month_index + 2) / 5 + date.day - 1;
    const std::int64_t day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return era * 146097 + day_of_era - 719468;
}

Date date_from_days(std::int64_t days) {
    days += 719468;
    const std::int64_t era = floor_div(days, 146097);
    const std::int64_t day_of_era = days - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t month_index = (5 * day_of_year + 2) / 153;
    const int day = static_cast<int>(day_of_year - (153 * month_index + 2) / 5 + 1);
    const int month = static_cast<int>(month_index < 10 ? month_index + 3 : month_index - 9);
    const int year = static_cast<int>(year_of_era + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

Date add_days(Date date, int days) { return date_from_days(days_since_epoch(date) + days); }

Date add_months(Date date, int months) {
    const std::int64_t index = static_cast<std::int64_t>(date.year) * 12 + (date.month - 1) + months;
    const int year = static_cast<int>(floor_div(index, 12));
    const int month = static_cast<int>(index - static_cast<std::int64_t>(year) * 12) + 1;
    const int last = days_in_month(year, month);
    return Date{year, month, date.day > last ? last : date.day};
}

int days_between(Date from, Date to) {
    return static_cast<int>(days_since_epoch(to) - days_since_epoch(from));
}

std::optional<Timestamp> parse_iso_timestamp(std::string_view text) {
    auto date = parse_iso_date(text.substr(0, 10));
    if (!date) return std::nullopt;
    const std::int64_t midnight = days_since_epoch(*date) * seconds_per_day;
    if (text.size() == 10) return Timestamp{midnight};

    const char separator = text[10];
    if (separator != 'T' && separator != 't' && separator != ' ') return std::nullopt;
    if (text.size() < 19 || text[13] != ':' || text[16] != ':') return std::nullopt;
    auto hour = read_digits(text, 11, 2);
    auto minute = read_digits(text, 14, 2);
    auto second = read_digits(text, 17, 2);
    if (!hour || !minute || !second || *hour > 23 || *minute > 59 || *second > 59) return std::nullopt;

    std::size_t pos = 19;
    if (pos < text.size() && (text[pos] == '.' || text[pos] == ',')) {
        const std::size_t first_digit = ++pos;
        while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
        if (pos == first_digit) return std::nullopt;  // a fraction needs at least one digit
    }
    if (pos >= text.size()) return std::nullopt;  // a time without a zone is ambiguous

    std::int64_t offset_seconds = 0;
    const char zone = text[pos];
    if (zone == 'Z' || zone == 'z') {
        ++pos;
    } else if (zone == '+' || zone == '-') {
        auto offset_hour = read_digits(text, pos + 1, 2);
        std::size_t minute_pos = pos + 3;
        if (minute_pos < text.size() && text[minute_pos] == ':') ++minute_pos;
        auto offset_minute = read_digits(text, minute_pos, 2);
        if (!offset_hour || !offset_minute || *offset_hour > 23 || *offset_minute > 59) return std::nullopt;
        offset_seconds = (*offset_hour * 60 + *offset_minute) * 60 * (zone == '+' ? 1 : -1);
        pos = minute_pos + 2;
    } else {
        return std::nullopt;
    }
    if (pos != text.size()) return std::nullopt;

    const std::int64_t local = midnight + *hour * 3600 + *minute * 60 + *second;
    return Timestamp{local - offset_seconds};
}

std::string to_iso(Timestamp time) {
    const std::int64_t days = floor_div(time.unix_seconds, seconds_per_day);
    const std::int64_t of_day = time.unix_seconds - days * seconds_per_day;
    return to_iso(date_from_days(days)) + "T" + pad(of_day / 3600, 2) + ":" + pad(of_day / 60 % 60, 2) + ":" +
           pad(of_day % 60, 2) + "Z";
}

Date date_of(Timestamp time) { return date_from_days(floor_div(time.unix_seconds, seconds_per_day)); }

Timestamp start_of(Date date) { return Timestamp{days_since_epoch(date) * seconds_per_day}; }

}  // namespace bhm
