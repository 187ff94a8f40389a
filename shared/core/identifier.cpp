// The identifier rule: what an identifier may not contain (shared/core/unicode_text.h has the tables).
#include "shared/core/identifier.h"

#include <cstdio>
#include <string>

#include "shared/core/unicode_text.h"

namespace bhm {
namespace {

std::string code_point_name(char32_t c) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(c));
    return buffer;
}

}  // namespace

std::optional<Refusal> check_identifier(std::string_view what, std::string_view text) {
    const std::string name(what);
    for (std::size_t at = 0; at < text.size();) {
        const auto decoded = decode_utf8_at(text, at);
        at += decoded.bytes;
        if (!decoded.valid) {
            return Refusal{"identifier_invalid_text",
                           "The " + name + " is not readable text (it is not UTF-8). Type it again or scan the label.",
                           ""};
        }
        const char32_t c = decoded.code_point;
        if (is_control_character(c) || is_format_character(c) || is_unusual_space(c)) {
            return Refusal{"identifier_hidden_character",
                           "The " + name + " contains a hidden character (" + code_point_name(c) +
                               ") that looks like nothing on screen or on the label. Type it again or scan the label.",
                           ""};
        }
    }
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) {
        return Refusal{"identifier_edge_space",
                       "The " + name + " starts or ends with a space. Remove the space and try again.", ""};
    }
    return std::nullopt;
}

}  // namespace bhm
