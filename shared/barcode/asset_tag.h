// Our own asset tag, stuck on every device the unit owns: "BHM" + 7 digits + one mod-43 check
// character over those 10 characters (the HIBC table, see mod43.h), e.g. "BHM0000001" + check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "shared/barcode/parse_error.h"

namespace bhm::barcode {

inline constexpr std::string_view kAssetTagPrefix = "BHM";
inline constexpr std::size_t kAssetTagDigits = 7;
inline constexpr std::size_t kAssetTagLength = 3 + kAssetTagDigits + 1;  // 11
inline constexpr std::uint32_t kAssetNumberLimit = 10'000'000;           // numbers 0..9'999'999

struct AssetTag {
    std::uint32_t number = 0;
    std::string text;  // the full 11-character tag
};

// The tag for `number`. Throws std::out_of_range when number >= kAssetNumberLimit: a caller bug.
std::string make_asset_tag(std::uint32_t number);

// The number in a valid tag; nullopt for anything else.
std::optional<std::uint32_t> asset_tag_number(std::string_view tag);

// Validates and explains: wrong prefix, too short/long, non-digit, or bad check character.
Outcome<AssetTag> parse_asset_tag(std::string_view tag);

// True when `text` is "BHM" followed by a digit: meant to be our tag, so a fault in it is an
// error rather than some other plain code.
bool looks_like_asset_tag(std::string_view text);

}  // namespace bhm::barcode
