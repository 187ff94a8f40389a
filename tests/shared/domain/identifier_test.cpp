// Identifiers (serials, station names, asset tags, usernames, instruments) that look alike are alike:
// hidden characters are refused.
#include <catch2/catch.hpp>

#include "shared/core/identifier.h"
#include "shared/core/unicode_text.h"

using namespace bhm;

TEST_CASE("an identifier with a control or format character is refused, naming the character") {
    const char* hidden[] = {
        "SN\xE2\x80\x8B" "1001",        // zero-width space
        "SN1001\xE2\x80\x8D",           // zero-width joiner
        "\xE2\x80\xAE" "1001NS",        // right-to-left override
        "SN\xE2\x81\xA6" "1001",        // left-to-right isolate
        "SN\xC2\xAD" "1001",            // soft hyphen
        "\xEF\xBB\xBF" "SN1001",        // byte-order mark
        "SN\xE2\x81\xA0" "1001",        // word joiner
        "SN\t1001",                     // tab
        "SN\x1D" "1001",                // GS (a GS1 separator left in)
        "SN\xC2\x85" "1001",            // C1 control (next line)
        "SN\xC2\xA0" "1001",            // no-break space
        "SN\xE2\x80\x89" "1001",        // thin space
    };
    for (const char* text : hidden) {
        INFO(text);
        auto refusal = check_identifier("serial number", text);
        REQUIRE(refusal);
        CHECK(refusal->code == "identifier_hidden_character");
        CHECK(refusal->message.find("serial number") != std::string::npos);
        CHECK(refusal->message.find("U+") != std::string::npos);
    }
    CHECK(check_identifier("serial number", "SN\xE2\x80\xAE" "1001")->message.find("U+202E") != std::string::npos);
}

TEST_CASE("an identifier that is not UTF-8 or starts or ends with a space is refused") {
    CHECK(check_identifier("station name", "lager\xFF")->code == "identifier_invalid_text");
    CHECK(check_identifier("station name", "lager\xC0\xAF")->code == "identifier_invalid_text");   // overlong '/'
    CHECK(check_identifier("station name", "lager\xED\xA0\x80")->code == "identifier_invalid_text");   // surrogate
    CHECK(check_identifier("station name", " lager-1")->code == "identifier_edge_space");
    CHECK(check_identifier("station name", "lager-1 ")->code == "identifier_edge_space");
}

TEST_CASE("ordinary identifiers pass, Norwegian letters and inner spaces included") {
    for (const char* text : {"SN-1001", "BHM0000059L", "lager 1", "Fluke ESA615 #2", "b\xC3\xB8rre", "\xC3\x85s-lager"}) {
        INFO(text);
        CHECK_FALSE(check_identifier("identifier", text));
    }
}

TEST_CASE("the hand-written Unicode tables know the digits and the format characters of several scripts") {
    CHECK(decimal_digit_value(U'7') == 7);
    CHECK(decimal_digit_value(0xFF19) == 9);    // full-width nine
    CHECK(decimal_digit_value(0x0663) == 3);    // Arabic-Indic three
    CHECK(decimal_digit_value(0x06F5) == 5);    // extended Arabic-Indic five
    CHECK(decimal_digit_value(0x096F) == 9);    // Devanagari nine
    CHECK(decimal_digit_value(0x1D7FF) == 9);   // mathematical monospace nine
    CHECK(decimal_digit_value(0x00B2) == 2);    // superscript two (NFKC)
    CHECK_FALSE(decimal_digit_value(U'a'));
    CHECK_FALSE(decimal_digit_value(0x0669 + 1));   // just past Arabic-Indic nine
    CHECK(is_format_character(0x200B));
    CHECK(is_format_character(0x202E));
    CHECK(is_format_character(0x2069));
    CHECK(is_format_character(0x00AD));
    CHECK_FALSE(is_format_character(U'a'));
    CHECK(is_number_separator(0x2012));
    CHECK(is_number_separator(0x2212));
    CHECK(is_number_separator(0x00A0));
    CHECK_FALSE(is_number_separator(U','));
    CHECK(decode_utf8_at("\xF0\x9F\x98\x80", 0).code_point == 0x1F600);
    CHECK_FALSE(decode_utf8_at("\xE0\x80\xAF", 0).valid);   // overlong
}
