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
                              "trained", "correction_reason"}) {
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
