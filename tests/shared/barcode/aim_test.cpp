// Tests for AIM symbology identifiers: which prefixes are read, what they are called, and which
// of them announce GS1 content.
#include <catch2/catch.hpp>

#include "shared/barcode/aim.h"

using namespace bhm::barcode;

TEST_CASE("an AIM identifier is a closing bracket, a symbology letter and a modifier at the start of a scan") {
    const auto id = read_aim_identifier("]d20109506000134352");
    REQUIRE(id);
    CHECK(id->code == 'd');
    CHECK(id->modifier == '2');
    CHECK(id->text() == "]d2");
}

TEST_CASE("scans without a well-formed AIM identifier give none") {
    CHECK_FALSE(read_aim_identifier(""));
    CHECK_FALSE(read_aim_identifier("]"));
    CHECK_FALSE(read_aim_identifier("]d"));
    CHECK_FALSE(read_aim_identifier("]1d"));   // code must be a letter
    CHECK_FALSE(read_aim_identifier("]d!"));   // modifier must be a digit or capital letter
    CHECK_FALSE(read_aim_identifier("d2]01"));
}

TEST_CASE("GS1 DataMatrix, GS1-128, GS1 QR and GS1 DataBar identifiers imply GS1 content") {
    struct Case { const char* scan; const char* name; };
    for (const auto& c : {Case{"]d2", "GS1 DataMatrix"}, Case{"]C1", "GS1-128"}, Case{"]Q3", "GS1 QR Code"},
                          Case{"]e0", "GS1 DataBar"}}) {
        INFO(c.scan);
        const auto id = read_aim_identifier(c.scan);
        REQUIRE(id);
        CHECK(symbology_name(*id) == c.name);
        CHECK(implies_gs1(*id));
    }
}

TEST_CASE("plain Data Matrix, Code 128, QR, Code 39, ITF and EAN identifiers do not imply GS1") {
    struct Case { const char* scan; const char* name; };
    for (const auto& c : {Case{"]d1", "Data Matrix"}, Case{"]C0", "Code 128"}, Case{"]Q1", "QR Code"},
                          Case{"]A0", "Code 39"}, Case{"]I0", "ITF (Interleaved 2 of 5)"},
                          Case{"]I1", "ITF (Interleaved 2 of 5)"}, Case{"]E0", "EAN-13 / UPC-A / UPC-E"},
                          Case{"]E4", "EAN-8"}}) {
        INFO(c.scan);
        const auto id = read_aim_identifier(c.scan);
        REQUIRE(id);
        CHECK(symbology_name(*id) == c.name);
        CHECK_FALSE(implies_gs1(*id));
    }
}

TEST_CASE("the symbology letter is case-sensitive: e0 is GS1 DataBar but E0 is EAN-13") {
    CHECK(implies_gs1(*read_aim_identifier("]e0")));
    CHECK_FALSE(implies_gs1(*read_aim_identifier("]E0")));
}

TEST_CASE("an unknown symbology letter is named as unknown and does not imply GS1") {
    const auto id = read_aim_identifier("]y0");
    REQUIRE(id);
    CHECK(symbology_name(*id) == "unknown symbology ]y0");
    CHECK_FALSE(implies_gs1(*id));
}

TEST_CASE("Code 39 modifiers 3 and 7 mean the reader removed the mod-43 check character") {
    CHECK(check_character_stripped(*read_aim_identifier("]A3")));
    CHECK(check_character_stripped(*read_aim_identifier("]A7")));
    CHECK_FALSE(check_character_stripped(*read_aim_identifier("]A0")));
    CHECK_FALSE(check_character_stripped(*read_aim_identifier("]A1")));
    CHECK_FALSE(check_character_stripped(*read_aim_identifier("]C3")));
}
