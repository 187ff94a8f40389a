// Identifiers staff type or scan (serials, station names, asset tags, usernames, instrument identities)
// must look like what they are: two that look the same must be the same. Control characters, invisible
// format characters (zero-width, bidi overrides, BOM), unusual spaces and malformed UTF-8 are refused,
// so one device cannot be received twice under serials that only differ where nobody can see.
#pragma once

#include <optional>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

// `what` names the identifier in the message ("serial number", "station name"...). Refusal codes:
// identifier_hidden_character (control, format or unusual space; the message names it as U+XXXX),
// identifier_invalid_text (not UTF-8), identifier_edge_space (starts or ends with a space).
std::optional<Refusal> check_identifier(std::string_view what, std::string_view text);

}  // namespace bhm
