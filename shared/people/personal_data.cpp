// Scans free text for digit runs that are valid national ID numbers.
#include "shared/people/personal_data.h"

#include <string>

#include "shared/people/national_id.h"

namespace bhm {

bool contains_national_id(std::string_view text) {
    std::string digits;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        const char c = i < text.size() ? text[i] : '\0';
        if (c >= '0' && c <= '9') {
            digits += c;
            continue;
        }
        // "010150 12345": one space between birth date and personal number still counts.
        if (c == ' ' && digits.size() == 6 && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') continue;
        // Exactly eleven: longer runs are GTINs, serials and the like.
        if (digits.size() == 11 && !check_national_id(digits)) return true;
        digits.clear();
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

}  // namespace bhm
