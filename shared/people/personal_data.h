// Free text (notes, fault descriptions, work done) ends up in the append-only audit
// trail, which can never be redacted. A national ID number must not go there: text that
// carries a valid one is refused, however it is written. Names cannot be recognised this way; staff are told.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/refusal.h"

namespace bhm {

// The text as the national-ID check reads it (an NFKC-like folding, by hand): every decimal digit of
// any script (full-width, Arabic-Indic, Devanagari...) becomes its ASCII digit; invisible format
// characters (zero-width, soft hyphen, bidi controls, BOM) are dropped; each run of separators (spaces
// of every kind, dashes, dots, slashes) becomes one ASCII space. Everything else is kept as it is.
std::string normalise_for_id_check(std::string_view text);

// True when the normalised text holds a number written as digit groups with separators between them
// (e.g. "191238-37110", "19.12.38 371 10") of which some consecutive groups make exactly 11 digits
// forming a valid national ID, D- or H-number. One group longer than 11 digits (a GTIN, a serial) is
// not split.
bool contains_national_id(std::string_view text);

std::optional<Refusal> check_free_text(std::string_view text);

// For log lines that must carry what a client sent (a path, a username typed at sign-in): the text itself,
// or "[national-id-redacted]" when it holds a national ID in any of the ways contains_national_id finds.
std::string redact_national_ids(std::string_view text);

}  // namespace bhm
