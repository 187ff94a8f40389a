// Screening of the listed free-text fields.
#include "shared/people/free_text_fields.h"

#include <algorithm>
#include <string>

#include "shared/people/personal_data.h"

namespace bhm {

bool is_free_text_field(std::string_view field) {
    return std::find(free_text_fields.begin(), free_text_fields.end(), field) != free_text_fields.end();
}

std::optional<Refusal> check_free_text_field(std::string_view field, std::string_view text) {
    if (!is_free_text_field(field)) return std::nullopt;
    auto refusal = check_free_text(text);
    if (refusal) refusal->message = "The field '" + std::string(field) + "': " + refusal->message;
    return refusal;
}

}  // namespace bhm
