// Splits GS1 element strings into (AI, data) pairs, then checks each pair against the AI table:
// length, characters, check digit, date. Both input forms share the same checks (check_element).
#include "shared/barcode/gs1.h"

#include <algorithm>

namespace bhm::barcode {
namespace {

// GS1 AI encodable character set 82 (GenSpecs Figure 7.11-1).
constexpr std::string_view kSet82 =
    "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string label(const AiSpec& spec, std::string_view ai) {
    return "(" + std::string{ai} + ") " + std::string{spec.title};
}

// One AI and its data as cut out of the text, before any checks.
struct RawElement {
    const AiSpec* spec;
    std::string_view ai;
    std::size_t ai_at;
    std::string_view value;
    std::size_t value_at;
};

using ElementOutcome = Outcome<GS1Element>;

ElementOutcome check_date(const RawElement& e, int reference_year) {
    const auto name = label(*e.spec, e.ai);
    const auto v = e.value;
    const int year = expand_two_digit_year(*read_digits(v, 0, 2), reference_year);
    const int month = *read_digits(v, 2, 2);
    int day = *read_digits(v, 4, 2);
    if (month < 1 || month > 12) {
        return ElementOutcome::failure(ErrorKind::invalid_date,
            name + ": month " + std::string{v.substr(2, 2)} + " does not exist", e.value_at + 2);
    }
    const int last_day = days_in_month(year, month);
    const bool day_zero_allowed = e.spec->date == AiDate::yymmd0;
    if (day == 0 && day_zero_allowed) day = last_day;  // GenSpecs §7.12: DD = 00 is the month's end
    if (day < 1 || day > last_day) {
        return ElementOutcome::failure(ErrorKind::invalid_date,
            name + ": day " + std::string{v.substr(4, 2)} + " does not exist in " +
                to_iso(CalendarDate{year, month, 1}).substr(0, 7), e.value_at + 4);
    }
    std::string iso = to_iso(CalendarDate{year, month, day});
    if (e.spec->date == AiDate::yymmddhhmm) {
        const int hour = *read_digits(v, 6, 2);
        const int minute = *read_digits(v, 8, 2);
        if (hour > 23) {
            return ElementOutcome::failure(ErrorKind::invalid_date,
                name + ": hour " + std::string{v.substr(6, 2)} + " does not exist", e.value_at + 6);
        }
        if (minute > 59) {
            return ElementOutcome::failure(ErrorKind::invalid_date,
                name + ": minute " + std::string{v.substr(8, 2)} + " does not exist", e.value_at + 8);
        }
        iso += "T" + std::string{v.substr(6, 2)} + ":" + std::string{v.substr(8, 2)};
    }
    return ElementOutcome::success(GS1Element{std::string{e.ai}, std::string{v}, iso, e.ai_at});
}

ElementOutcome check_element(const RawElement& e, int reference_year) {
    const AiSpec& spec = *e.spec;
    const auto name = label(spec, e.ai);
    const auto v = e.value;
    if (v.empty()) {
        return ElementOutcome::failure(ErrorKind::too_short, name + " has no data", e.value_at);
    }
    if (v.size() < spec.min_length) {
        const auto need = spec.fixed_length() ? "exactly " : "at least ";
        return ElementOutcome::failure(ErrorKind::too_short,
            name + " needs " + need + std::to_string(spec.min_length) + " characters, got " +
                std::to_string(v.size()), e.value_at + v.size());
    }
    if (v.size() > spec.max_length) {
        const auto most = spec.fixed_length() ? "exactly " : "at most ";
        return ElementOutcome::failure(ErrorKind::too_long,
            name + " allows " + most + std::to_string(spec.max_length) + " characters, got " +
                std::to_string(v.size()), e.value_at + spec.max_length);
    }
    for (std::size_t i = 0; i < v.size(); ++i) {
        if (i < spec.numeric_head) {
            if (!is_digit(v[i])) {
                return ElementOutcome::failure(ErrorKind::bad_char,
                    name + ": " + quote_char(v[i]) + " where a digit is required", e.value_at + i);
            }
        } else if (kSet82.find(v[i]) == std::string_view::npos) {
            return ElementOutcome::failure(ErrorKind::bad_char,
                name + ": " + quote_char(v[i]) + " is not in the GS1 character set", e.value_at + i);
        }
    }
    if (spec.check_span > 0) {
        const auto digits = v.substr(0, spec.check_span);
        const char expected = *gs1_check_digit(digits.substr(0, digits.size() - 1));
        if (expected != digits.back()) {
            return ElementOutcome::failure(ErrorKind::bad_check,
                name + ": check digit should be " + std::string{expected} + ", not " +
                    std::string{digits.back()}, e.value_at + spec.check_span - 1);
        }
    }
    if (spec.date != AiDate::none) return check_date(e, reference_year);
    return ElementOutcome::success(GS1Element{std::string{e.ai}, std::string{v}, "", e.ai_at});
}

// Appends a checked element, refusing a second occurrence of an AI with a different value.
std::optional<ParseError> add(GS1Data& data, const RawElement& raw, int reference_year) {
    auto checked = check_element(raw, reference_year);
    if (!checked.ok()) return checked.error;
    if (const auto* earlier = data.find(raw.ai); earlier && earlier->value != raw.value) {
        return ParseError{"(" + std::string{raw.ai} + ") appears twice with different data", raw.ai_at,
                          ErrorKind::duplicate_ai};
    }
    data.elements.push_back(std::move(*checked.value));
    return std::nullopt;
}

// The form readers send: AI digits, data, and the separator after variable-length data.
Outcome<GS1Data> parse_transmitted(std::string_view text, const GS1Options& options) {
    const char sep = options.separator;
    const std::size_t n = text.size();
    std::size_t pos = text[0] == sep ? 1 : 0;  // FNC1 in first position
    if (pos == n) return Outcome<GS1Data>::failure(ErrorKind::empty, "no GS1 data after FNC1", pos);
    GS1Data data;
    while (pos < n) {
        if (text[pos] == sep) {
            return Outcome<GS1Data>::failure(ErrorKind::misplaced_separator,
                "GS (FNC1) where an application identifier should start", pos);
        }
        const AiSpec* spec = nullptr;
        std::size_t ai_length = 2;
        for (; ai_length <= 4 && pos + ai_length <= n; ++ai_length) {
            if ((spec = find_ai(text.substr(pos, ai_length)))) break;
        }
        if (!spec) {
            if (!is_digit(text[pos])) {
                return Outcome<GS1Data>::failure(ErrorKind::bad_char,
                    quote_char(text[pos]) + " where an application identifier (digits) should start", pos);
            }
            std::size_t digits = 0;
            while (digits < 4 && pos + digits < n && is_digit(text[pos + digits])) ++digits;
            if (pos + digits == n && digits < 4) {
                return Outcome<GS1Data>::failure(ErrorKind::too_short,
                    "the data ends inside an application identifier", pos);
            }
            return Outcome<GS1Data>::failure(ErrorKind::unknown_ai,
                "no known application identifier starts with " + std::string{text.substr(pos, digits)},
                pos);
        }
        RawElement raw{spec, text.substr(pos, ai_length), pos, {}, pos + ai_length};
        std::size_t end = raw.value_at;
        if (spec->fixed_length()) {
            while (end < n && end - raw.value_at < spec->min_length && text[end] != sep) ++end;
            if (end < n && text[end] == sep && end - raw.value_at < spec->min_length) {
                return Outcome<GS1Data>::failure(ErrorKind::misplaced_separator,
                    label(*spec, raw.ai) + " has a fixed length of " + std::to_string(spec->min_length) +
                        " but GS (FNC1) came after " + std::to_string(end - raw.value_at), end);
            }
        } else {
            end = std::min(text.find(sep, raw.value_at), n);
        }
        raw.value = text.substr(raw.value_at, end - raw.value_at);
        if (auto error = add(data, raw, options.reference_year)) return Outcome<GS1Data>::failure(*error);
        pos = end;
        if (pos < n && text[pos] == sep) ++pos;  // ends variable data; tolerated after fixed data
    }
    return Outcome<GS1Data>::success(std::move(data));
}

// Length of "(" + 2-4 digits + ")" at `pos`, or 0 when there is none.
std::size_t bracketed_ai_length(std::string_view text, std::size_t pos) {
    if (pos >= text.size() || text[pos] != '(') return 0;
    std::size_t digits = 0;
    while (pos + 1 + digits < text.size() && is_digit(text[pos + 1 + digits])) ++digits;
    const std::size_t close = pos + 1 + digits;
    if (digits < 2 || digits > 4 || close >= text.size() || text[close] != ')') return 0;
    return digits + 2;
}

// The human-readable form: each AI in parentheses; data runs to the next "(AI)" or the end.
// Called only when the text starts with "(AI)", so every loop turn starts at one.
Outcome<GS1Data> parse_bracketed(std::string_view text, const GS1Options& options) {
    GS1Data data;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const std::size_t head = bracketed_ai_length(text, pos);  // > 0: data stops only before "(AI)"
        const auto ai = text.substr(pos + 1, head - 2);
        const AiSpec* spec = find_ai(ai);
        if (!spec) {
            return Outcome<GS1Data>::failure(ErrorKind::unknown_ai,
                "(" + std::string{ai} + ") is not a known application identifier", pos + 1);
        }
        const std::size_t value_at = pos + head;
        std::size_t end = value_at;
        while (end < text.size() && bracketed_ai_length(text, end) == 0) ++end;
        RawElement raw{spec, ai, pos, text.substr(value_at, end - value_at), value_at};
        if (auto error = add(data, raw, options.reference_year)) return Outcome<GS1Data>::failure(*error);
        pos = end;
    }
    return Outcome<GS1Data>::success(std::move(data));
}

}  // namespace

const GS1Element* GS1Data::find(std::string_view ai) const {
    for (const auto& element : elements) {
        if (element.ai == ai) return &element;
    }
    return nullptr;
}

std::string GS1Data::value_of(std::string_view ai) const {
    const auto* element = find(ai);
    return element ? element->value : std::string{};
}

std::string GS1Data::iso_of(std::string_view ai) const {
    const auto* element = find(ai);
    return element ? element->iso : std::string{};
}

bool looks_like_bracketed_gs1(std::string_view text) { return bracketed_ai_length(text, 0) > 0; }

Outcome<GS1Data> parse_gs1(std::string_view text, GS1Options options) {
    if (options.reference_year < kMinReferenceYear || options.reference_year > kMaxReferenceYear) {
        return Outcome<GS1Data>::failure(ErrorKind::malformed,
            "reference year " + std::to_string(options.reference_year) + " is outside " +
                std::to_string(kMinReferenceYear) + ".." + std::to_string(kMaxReferenceYear), 0);
    }
    if (text.empty()) return Outcome<GS1Data>::failure(ErrorKind::empty, "no GS1 data", 0);
    if (looks_like_bracketed_gs1(text)) return parse_bracketed(text, options);
    return parse_transmitted(text, options);
}

}  // namespace bhm::barcode
