// Making and checking our asset tags. The check character catches a misread or mistyped
// character; the number itself carries no meaning beyond identity.
#include "shared/barcode/asset_tag.h"

#include <algorithm>
#include <stdexcept>

#include "shared/barcode/mod43.h"

namespace bhm::barcode {
namespace {
bool is_digit(char c) { return c >= '0' && c <= '9'; }
}  // namespace

std::string make_asset_tag(std::uint32_t number) {
    if (number >= kAssetNumberLimit) {
        throw std::out_of_range("asset number " + std::to_string(number) + " does not fit in 7 digits");
    }
    std::string digits = std::to_string(number);
    std::string tag = std::string{kAssetTagPrefix} + std::string(kAssetTagDigits - digits.size(), '0') + digits;
    tag += *hibc_check_character(tag);
    return tag;
}

Outcome<AssetTag> parse_asset_tag(std::string_view tag) {
    using Result = Outcome<AssetTag>;
    if (tag.empty()) return Result::failure(ErrorKind::empty, "no asset tag", 0);
    if (!tag.starts_with(kAssetTagPrefix)) {
        return Result::failure(ErrorKind::malformed, "an asset tag starts with \"BHM\"", 0);
    }
    const std::size_t body = kAssetTagPrefix.size() + kAssetTagDigits;
    for (std::size_t i = kAssetTagPrefix.size(); i < std::min(tag.size(), body); ++i) {
        if (!is_digit(tag[i])) {
            return Result::failure(ErrorKind::bad_char,
                "asset tag: " + quote_char(tag[i]) + " where one of the 7 digits is expected", i);
        }
    }
    if (tag.size() < kAssetTagLength) {
        const auto what = tag.size() == body ? "asset tag is missing its check character"
                                              : "asset tag needs 7 digits after \"BHM\" and a check character";
        return Result::failure(ErrorKind::too_short, what, tag.size());
    }
    if (tag.size() > kAssetTagLength) {
        return Result::failure(ErrorKind::too_long, "asset tag is longer than 11 characters", kAssetTagLength);
    }
    const char expected = *hibc_check_character(tag.substr(0, body));
    if (tag[body] != expected) {
        return Result::failure(ErrorKind::bad_check,
            std::string{"asset tag check character should be '"} + expected + "', not " + quote_char(tag[body]),
            body);
    }
    std::uint32_t number = 0;
    for (std::size_t i = kAssetTagPrefix.size(); i < body; ++i) number = number * 10 + (tag[i] - '0');
    return Result::success(AssetTag{number, std::string{tag}});
}

std::optional<std::uint32_t> asset_tag_number(std::string_view tag) {
    auto parsed = parse_asset_tag(tag);
    if (!parsed.ok()) return std::nullopt;
    return parsed.value->number;
}

bool looks_like_asset_tag(std::string_view text) {
    return text.size() > kAssetTagPrefix.size() && text.starts_with(kAssetTagPrefix) &&
           is_digit(text[kAssetTagPrefix.size()]);
}

}  // namespace bhm::barcode
