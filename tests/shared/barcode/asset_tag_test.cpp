// Tests for our own asset tags: "BHM" + 7 digits + a mod-43 check character over the first 10.
#include <catch2/catch.hpp>

#include <stdexcept>

#include "shared/barcode/asset_tag.h"

using namespace bhm::barcode;

TEST_CASE("an asset tag is BHM, seven digits and the mod-43 check of those ten characters") {
    // B=11, H=17, M=22: 50 + 1 = 51, 51 mod 43 = 8.
    CHECK(make_asset_tag(1) == "BHM00000018");
    // 50 + (1+2+3+4+5+6+7) = 78, 78 mod 43 = 35 = 'Z'.
    CHECK(make_asset_tag(1234567) == "BHM1234567Z");
    // 50 + 63 = 113, 113 mod 43 = 27 = 'R'.
    CHECK(make_asset_tag(9999999) == "BHM9999999R");
}

TEST_CASE("every asset number survives a round trip through its tag") {
    for (std::uint32_t number : {0u, 1u, 42u, 1000000u, 1234567u, 7654321u, 9999999u}) {
        INFO(number);
        const auto tag = make_asset_tag(number);
        CHECK(tag.size() == kAssetTagLength);
        CHECK(asset_tag_number(tag) == number);
    }
}

TEST_CASE("an asset number of eight digits cannot be made into a tag") {
    CHECK_THROWS_AS(make_asset_tag(10'000'000), std::out_of_range);
}

TEST_CASE("a wrong asset tag check character is refused at its offset") {
    const auto outcome = parse_asset_tag("BHM1234567Y");
    REQUIRE_FALSE(outcome.ok());
    CHECK(outcome.error->kind == ErrorKind::bad_check);
    CHECK(outcome.error->at == 10);
    CHECK(outcome.error->message.find("'Z'") != std::string::npos);
    CHECK_FALSE(asset_tag_number("BHM1234567Y"));
}

TEST_CASE("a misread digit in an asset tag is caught by the check character") {
    CHECK_FALSE(asset_tag_number("BHM1234568Z"));
}

TEST_CASE("asset tags that are short, long, non-numeric or wrongly prefixed are refused") {
    auto kind = [](std::string_view tag) { return parse_asset_tag(tag).error->kind; };
    CHECK(kind("BHM1234567") == ErrorKind::too_short);  // check character missing
    CHECK(parse_asset_tag("BHM1234567").error->message.find("check character") != std::string::npos);
    CHECK(kind("BHM12345") == ErrorKind::too_short);
    CHECK(kind("BHM1234567ZZ") == ErrorKind::too_long);
    CHECK(kind("BHM12A4567Z") == ErrorKind::bad_char);
    CHECK(parse_asset_tag("BHM12A4567Z").error->at == 5);
    CHECK(kind("XHM1234567Z") == ErrorKind::malformed);
    CHECK(kind("") == ErrorKind::empty);
}

TEST_CASE("BHM followed by a digit is taken as meant to be our asset tag") {
    CHECK(looks_like_asset_tag("BHM1"));
    CHECK(looks_like_asset_tag("BHM1234567Z"));
    CHECK_FALSE(looks_like_asset_tag("BHM"));
    CHECK_FALSE(looks_like_asset_tag("BHMX123"));
    CHECK_FALSE(looks_like_asset_tag("bhm1234567Z"));
}
