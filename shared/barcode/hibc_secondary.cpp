// HIBC secondary data: the "$" (lot), "$+" (serial), "$$" / "$$+" (date format flag, optional
// quantity, then lot or serial) and 5-digit Julian forms, followed by supplemental segments
// "/14D" expiry, "/16D" production date, "/S" serial and "/Q" quantity (ANSI/HIBC 2.6 §2.2-2.3).
#include "shared/barcode/hibc.h"

#include <vector>

namespace bhm::barcode {
namespace {

bool is_alnum(char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }

struct Segment {
    std::string_view text;
    std::size_t at;
};

std::vector<Segment> split(std::string_view data, std::size_t at) {
    std::vector<Segment> segments;
    std::size_t start = 0;
    while (true) {
        const auto slash = data.find('/', start);
        const auto end = slash == std::string_view::npos ? data.size() : slash;
        segments.push_back({data.substr(start, end - start), at + start});
        if (slash == std::string_view::npos) return segments;
        start = slash + 1;
    }
}

// Reads `count` digits at `pos` of `s` into `value`, or explains why not.
std::optional<ParseError> digits(Segment s, std::size_t pos, std::size_t count, std::string_view what,
                                 int& value) {
    if (s.text.size() < pos + count) {
        return ParseError{"HIBC " + std::string{what} + " needs " + std::to_string(count) + " digits",
                          s.at + s.text.size(), ErrorKind::too_short};
    }
    const auto read = read_digits(s.text, pos, count);
    if (!read) {
        std::size_t bad = pos;
        while (s.text[bad] >= '0' && s.text[bad] <= '9') ++bad;
        return ParseError{"HIBC " + std::string{what} + " must be digits", s.at + bad, ErrorKind::bad_char};
    }
    value = *read;
    return std::nullopt;
}

std::optional<ParseError> lot_or_serial(Segment s, std::size_t pos, bool required, std::string& out) {
    const auto field = s.text.substr(pos);
    if (required && field.empty()) {
        return ParseError{"HIBC lot or serial number is missing", s.at + pos, ErrorKind::too_short};
    }
    if (field.size() > kHibcMaxLotLength) {
        return ParseError{"HIBC lot or serial number is longer than 18 characters",
                          s.at + pos + kHibcMaxLotLength, ErrorKind::too_long};
    }
    for (std::size_t i = 0; i < field.size(); ++i) {
        if (!is_alnum(field[i])) {
            return ParseError{"HIBC lot or serial number may contain only letters and digits, not " +
                                  quote_char(field[i]), s.at + pos + i, ErrorKind::bad_char};
        }
    }
    out = std::string{field};
    return std::nullopt;
}

std::optional<ParseError> make_date(int year, int month, int day, std::size_t month_at, std::size_t day_at,
                                    std::string& out) {
    if (month < 1 || month > 12) {
        return ParseError{"HIBC date: month " + std::to_string(month) + " does not exist", month_at,
                          ErrorKind::invalid_date};
    }
    if (day < 1 || day > days_in_month(year, month)) {
        return ParseError{"HIBC date: day " + std::to_string(day) + " does not exist in that month", day_at,
                          ErrorKind::invalid_date};
    }
    out = to_iso(CalendarDate{year, month, day});
    return std::nullopt;
}

// The digits of a date as laid out by a format ("MMYY", "YYMMDDHH", "YYJJJ"...), then checked.
struct DateFields {
    int yy = -1, mm = -1, dd = -1, jjj = -1, hh = -1;
    std::size_t mm_at = 0, dd_at = 0, jjj_at = 0, hh_at = 0;
};

// Reads the fields of `layout` from position `pos`; `next` is set to the first position after them.
std::optional<ParseError> read_layout(Segment s, std::size_t pos, std::string_view layout, DateFields& f,
                                      std::size_t& next) {
    for (std::size_t i = 0; i < layout.size();) {
        const char letter = layout[i];
        const std::size_t count = letter == 'J' ? 3 : 2;
        const std::size_t at = s.at + pos;
        const std::string_view name = letter == 'Y' ? "year" : letter == 'M' ? "month" : letter == 'D' ? "day"
                                      : letter == 'J' ? "Julian day" : "hour";
        int value = 0;
        if (auto e = digits(s, pos, count, name, value)) return e;
        switch (letter) {
            case 'Y': f.yy = value; break;
            case 'M': f.mm = value; f.mm_at = at; break;
            case 'D': f.dd = value; f.dd_at = at; break;
            case 'J': f.jjj = value; f.jjj_at = at; break;
            default: f.hh = value; f.hh_at = at; break;
        }
        pos += count;
        i += count;
    }
    next = pos;
    return std::nullopt;
}

// Turns the fields into an ISO date. Without a day (MMYY) the date is the last day of the month.
std::optional<ParseError> to_expiry(const DateFields& f, int reference_year, HibcSecondary& out) {
    if (f.yy < 0) return std::nullopt;  // format "7": no date
    const int year = expand_two_digit_year(f.yy, reference_year);
    if (f.jjj >= 0) {
        const auto date = date_from_day_of_year(year, f.jjj);
        if (!date) {
            return ParseError{"HIBC Julian day " + std::to_string(f.jjj) + " does not exist in " +
                                  std::to_string(year), f.jjj_at, ErrorKind::invalid_date};
        }
        out.expiry = to_iso(*date);
    } else {
        const int day = f.dd >= 0 ? f.dd : days_in_month(year, f.mm);
        if (auto e = make_date(year, f.mm, day, f.mm_at, f.dd_at, out.expiry)) return e;
    }
    if (f.hh > 23) {
        return ParseError{"HIBC expiry hour " + std::to_string(f.hh) + " does not exist", f.hh_at,
                          ErrorKind::invalid_date};
    }
    out.expiry_hour = f.hh;
    return std::nullopt;
}

// After "$$" or "$$+": optional quantity ("8" + 2 digits, "9" + 5 digits), a date format flag and
// its date, then the lot (or, after "$$+", the serial number).
std::optional<ParseError> dated(Segment s, std::size_t pos, bool serial, int reference_year, HibcSecondary& out) {
    auto need_flag = [&](std::size_t p) -> std::optional<ParseError> {
        if (p < s.text.size()) return std::nullopt;
        return ParseError{"HIBC date format flag is missing after \"$$\"", s.at + p, ErrorKind::too_short};
    };
    if (auto e = need_flag(pos)) return e;
    if (s.text[pos] == '8' || s.text[pos] == '9') {
        const std::size_t count = s.text[pos] == '8' ? 2 : 5;
        int ignored = 0;
        if (auto e = digits(s, pos + 1, count, "quantity", ignored)) return e;
        out.quantity = std::string{s.text.substr(pos + 1, count)};
        pos += 1 + count;
        if (auto e = need_flag(pos)) return e;
    }
    const char flag = s.text[pos];
    std::string_view layout;
    std::size_t first = pos + 1;  // the date follows the flag...
    switch (flag) {
        case '0': case '1': layout = "MMYY"; first = pos; break;  // ...except here: the flag is a month digit
        case '2': layout = "MMDDYY"; break;
        case '3': layout = "YYMMDD"; break;
        case '4': layout = "YYMMDDHH"; break;
        case '5': layout = "YYJJJ"; break;
        case '6': layout = "YYJJJHH"; break;
        case '7': layout = ""; break;
        default:
            return ParseError{"HIBC date format flag " + quote_char(flag) + " is not one of 0-7", s.at + pos,
                              ErrorKind::bad_char};
    }
    DateFields fields;
    std::size_t next = first;
    if (auto e = read_layout(s, first, layout, fields, next)) return e;
    if (auto e = to_expiry(fields, reference_year, out)) return e;
    return lot_or_serial(s, next, false, serial ? out.serial : out.lot);
}

std::optional<ParseError> main_secondary(Segment s, int reference_year, HibcSecondary& out) {
    const auto t = s.text;
    if (t.starts_with("$$+")) return dated(s, 3, true, reference_year, out);
    if (t.starts_with("$$")) return dated(s, 2, false, reference_year, out);
    if (t.starts_with("$+")) return lot_or_serial(s, 2, true, out.serial);
    if (t.starts_with("$")) return lot_or_serial(s, 1, true, out.lot);
    DateFields fields;  // the older form: a Julian expiry date YYJJJ, then the lot
    std::size_t next = 0;
    if (auto e = read_layout(s, 0, "YYJJJ", fields, next)) return e;
    if (auto e = to_expiry(fields, reference_year, out)) return e;
    return lot_or_serial(s, next, false, out.lot);
}

bool is_main_secondary(std::string_view t) {
    return t.starts_with("$") || (t.size() >= 5 && read_digits(t, 0, 5).has_value());
}

std::optional<ParseError> full_date(Segment s, std::size_t pos, std::string& out) {
    int year = 0, month = 0, day = 0;
    if (auto e = digits(s, pos, 4, "date year", year)) return e;
    if (auto e = digits(s, pos + 4, 2, "date month", month)) return e;
    if (auto e = digits(s, pos + 6, 2, "date day", day)) return e;
    if (s.text.size() > pos + 8) {
        return ParseError{"HIBC date YYYYMMDD has extra characters", s.at + pos + 8, ErrorKind::too_long};
    }
    return make_date(year, month, day, s.at + pos + 4, s.at + pos + 6, out);
}

std::optional<ParseError> supplemental(Segment s, HibcSecondary& out) {
    const auto t = s.text;
    if (t.starts_with("14D")) {
        std::string expiry;
        if (auto e = full_date(s, 3, expiry)) return e;
        if (!out.expiry.empty() && out.expiry != expiry) {
            return ParseError{"HIBC label carries two different expiry dates", s.at, ErrorKind::malformed};
        }
        out.expiry = expiry;
        return std::nullopt;
    }
    if (t.starts_with("16D")) return full_date(s, 3, out.production_date);
    if (t.starts_with("S")) return lot_or_serial(s, 1, true, out.serial);
    if (t.starts_with("Q")) {
        if (t.size() < 2 || t.size() > 6 || !read_digits(t, 1, t.size() - 1)) {
            return ParseError{"HIBC quantity \"/Q\" needs 1 to 5 digits", s.at + 1, ErrorKind::bad_char};
        }
        out.quantity = std::string{t.substr(1)};
        return std::nullopt;
    }
    if (t.empty()) return ParseError{"empty HIBC segment between '/' separators", s.at, ErrorKind::too_short};
    return ParseError{"unknown HIBC supplemental data identifier", s.at, ErrorKind::unsupported};
}

}  // namespace

std::optional<ParseError> parse_hibc_secondary(std::string_view data, std::size_t at, int reference_year,
                                               HibcSecondary& out) {
    if (data.empty()) return ParseError{"HIBC secondary data is missing", at, ErrorKind::too_short};
    const auto segments = split(data, at);
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& s = segments[i];
        auto error = i == 0 && is_main_secondary(s.text) ? main_secondary(s, reference_year, out)
                                                         : supplemental(s, out);
        if (error) return error;
    }
    return std::nullopt;
}

}  // namespace bhm::barcode
