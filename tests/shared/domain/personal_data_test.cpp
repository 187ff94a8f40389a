// Free text that would carry a national ID number into the audit trail is refused.
#include <catch2/catch.hpp>

#include "shared/people/free_text_fields.h"
#include "shared/people/personal_data.h"

using namespace bhm;

TEST_CASE("a note holding a valid national ID number is refused, with or without the space") {
    CHECK(contains_national_id("pasient 01015012345? nei: 02015000786 flyttet"));
    CHECK(contains_national_id("fnr 020150 00786"));
    CHECK(check_free_text("02015000786")->code == "national_id_in_text");
}

TEST_CASE("a note with other numbers, serials or an invalid 11-digit number passes") {
    CHECK_FALSE(contains_national_id("Replaced fan, part 12345678, serial SN-20150-0786"));
    CHECK_FALSE(contains_national_id("02015000787"));
    CHECK_FALSE(contains_national_id("GTIN 0702015000786"));
    CHECK_FALSE(check_free_text("Alarm E12 after 3 hours"));
}

TEST_CASE("every listed free-text field is screened for national ID numbers, one list for all") {
    for (const char* field : {"grounds", "reason", "note", "notes", "fault", "work", "parts", "not_fitted_reason",
                              "trained", "correction_reason", "tester", "instrument", "identity", "station",
                              "serial", "documented_by", "document_ref", "username", "summary"}) {
        INFO(field);
        CHECK(is_free_text_field(field));
        auto refusal = check_free_text_field(field, "Pasient 15038512363 trenger CPAP");
        REQUIRE(refusal);
        CHECK(refusal->code == "national_id_in_text");
        CHECK(refusal->message.find(field) != std::string::npos);
        CHECK_FALSE(check_free_text_field(field, "Obstruktiv søvnapné"));
    }
    CHECK_FALSE(is_free_text_field("case_number"));
    CHECK_FALSE(check_free_text_field("case_number", "15038512363"));
}

TEST_CASE("an H-number in free text is found like a national ID") {
    CHECK(contains_national_id("H-nr 15438500100 i notatet"));
}

// Issue 14: "pasient 191238-37110" and nine other ways of writing the same ID all reach the audit trail
// unless the text is normalised first.
TEST_CASE("a national ID is found however it is written: dashes, dots, spaces, other digits, invisible characters") {
    const char* variants[] = {
        "pasient 19123837110",
        "pasient 191238-37110",                                   // dash
        "pasient 19.12.38.371.10",                                // dots
        "pasient 191238  37110",                                  // extra spaces
        "pasient 19 12 38 371 10",                                // spaces between every group
        "pasient \xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x98"
        "\xEF\xBC\x93\xEF\xBC\x97\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90",   // full-width digits
        "pasient \xD9\xA1\xD9\xA9\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA8\xD9\xA3\xD9\xA7\xD9\xA1\xD9\xA1\xD9\xA0",  // Arabic-Indic
        "pasient \xDB\xB1\xDB\xB9\xDB\xB1\xDB\xB2\xDB\xB3\xDB\xB8\xDB\xB3\xDB\xB7\xDB\xB1\xDB\xB1\xDB\xB0",  // extended Arabic-Indic
        "pasient \xE0\xA5\xA7\xE0\xA5\xAF\xE0\xA5\xA7\xE0\xA5\xA8\xE0\xA5\xA9\xE0\xA5\xAE\xE0\xA5\xA9\xE0\xA5\xAD"
        "\xE0\xA5\xA7\xE0\xA5\xA7\xE0\xA5\xA6",                                                              // Devanagari
        "pasient 191238\xE2\x80\x8B" "37110",                     // zero-width space
        "pasient 191238\xC2\xA0" "37110",                         // no-break space
        "pasient 191238/37110",                                   // slash
        "pasient 191238\xE2\x80\x93" "37110",                     // en dash
        "pasient 191238\xE2\x88\x92" "37110",                     // minus sign
        "pasient 191238\xE2\x80\x89" "37110",                     // thin space (U+2009)
        "pasient 1912\xC2\xAD" "3837110",                         // soft hyphen
        "pasient \xE2\x80\xAE" "19123837110\xE2\x80\xAC",         // right-to-left override around it
        "pasient 191238\xE2\x81\xA6" "37110\xE2\x81\xA9",         // bidi isolate
        "pasient 191238\xEF\xBB\xBF" "37110",                     // BOM / zero-width no-break space
        "pasient 191238\xE2\x81\xA0" "37110",                     // word joiner
        "ring om 12 og 191238-37110",                             // other groups before it
    };
    for (const char* text : variants) {
        INFO(text);
        CHECK(contains_national_id(text));
        REQUIRE(check_free_text(text));
        CHECK(check_free_text(text)->code == "national_id_in_text");
    }
}

TEST_CASE("normalising for the ID check folds digits, drops format characters and joins separators into one space") {
    CHECK(normalise_for_id_check("\xEF\xBC\x91\xD9\xA2\xDB\xB3\xE0\xA5\xAA") == "1234");
    CHECK(normalise_for_id_check("a\xE2\x80\x8B" "b") == "ab");
    CHECK(normalise_for_id_check("1 -\xC2\xA0.2") == "1 2");
    CHECK(normalise_for_id_check("Sykehjem \xC3\xA6\xC3\xB8\xC3\xA5") == "Sykehjem \xC3\xA6\xC3\xB8\xC3\xA5");
    CHECK(normalise_for_id_check("\xB9\xB2") == "\xB9\xB2");   // not UTF-8: the bytes stay, no crash
}

TEST_CASE("normalising does not make national IDs out of GTINs, dates with text, or wrong check digits") {
    CHECK_FALSE(contains_national_id("GTIN \xEF\xBC\x90\xEF\xBC\x97" "02015000786"));   // 13 digits in one group
    CHECK_FALSE(contains_national_id("191238-37111"));                                  // check digit wrong
    CHECK_FALSE(contains_national_id("19.12.38, kl. 37110"));                          // words between
    CHECK_FALSE(contains_national_id("Replaced fan, part 12345678, serial SN-20150-0786"));
}

TEST_CASE("a log value holding a national ID is redacted whole, other values stay as they are") {
    CHECK(redact_national_ids("/api/v1/cases/19123837110") == "[national-id-redacted]");
    CHECK(redact_national_ids("191238-37110") == "[national-id-redacted]");
    CHECK(redact_national_ids("/api/v1/cases/12") == "/api/v1/cases/12");
    CHECK(redact_national_ids("caseworker") == "caseworker");
}
