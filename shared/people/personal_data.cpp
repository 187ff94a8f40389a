// Scans free text for national ID numbers, after normalising how the digits are written.
#include "shared/people/personal_data.h"

#include <string>
#include <vector>

#include "shared/core/unicode_text.h"
#include "shared/people/national_id.h"

namespace bhm {
namespace {

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Some consecutive groups of one number make exactly 11 digits that are a valid national ID.
bool groups_hold_national_id(const std::vector<std::string>& groups) {
    for (std::size_t first = 0; first < groups.size(); ++first) {
        std::string digits;
        for (std::size_t last = first; last < groups.size() && digits.size() < 11; ++last) {
            digits += groups[last];
            if (digits.size() == 11 && !check_national_id(digits)) return true;
        }
    }
    return false;
}

}  // namespace

std::string normalise_for_id_check(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const auto decoded = decode_utf8_at(text, at);
        const auto raw = text.substr(at, decoded.bytes);
        at += decoded.bytes;
        if (!decoded.valid) { out += raw; continue; }
        const char32_t c = decoded.code_point;
        if (auto digit = decimal_digit_value(c)) { out += static_cast<char>('0' + *digit); continue; }
        if (is_format_character(c)) continue;
        if (is_number_separator(c)) {
            if (out.empty() || out.back() != ' ') out += ' ';
            continue;
        }
        out += raw;
    }
    return out;
}

bool contains_national_id(std::string_view text) {
    const std::string normal = normalise_for_id_check(text);
    std::vector<std::string> groups;   // the digit groups of the number being read
    std::string group;
    for (std::size_t i = 0; i <= normal.size(); ++i) {
        const char c = i < normal.size() ? normal[i] : '\0';
        if (is_ascii_digit(c)) { group += c; continue; }
        if (!group.empty()) groups.push_back(std::move(group));
        group.clear();
        if (c == ' ') continue;   // a separator: the number may go on
        if (groups_hold_national_id(groups)) return true;
        groups.clear();
    }
    return false;
}

std::optional<Refusal> check_free_text(std::string_view text) {
    if (!contains_national_id(text)) return std::nullopt;
    return Refusal{"national_id_in_text",
                   "This text contains a national ID number. Notes go into the permanent audit trail: refer to the "
                   "case number instead, and leave out patients' names and ID numbers.",
                   "personopplysningsloven / GDPR art. 5 (1) c (dataminimering)"};
}

std::string redact_national_ids(std::string_view text) {
    return contains_national_id(text) ? std::string("[national-id-redacted]") : std::string(text);
}

}  // namespace bhm
