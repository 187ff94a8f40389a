// Free text (notes, fault descriptions, work done) ends up in the append-only audit
// trail, which can never be redacted. A national ID number must not go there: text that
// carries a valid one is refused. Names cannot be recognised this way; staff are told.
#pragma once

#include <optional>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

// True when the text holds a run of exactly 11 digits (a space allowed after the 6th) that is a valid national ID.
bool contains_national_id(std::string_view text);

std::optional<Refusal> check_free_text(std::string_view text);

}  // namespace bhm
