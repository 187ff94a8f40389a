// Proves the national ID and HPR number checks: format, both mod-11 check digits, D-numbers and the
// century taken from the individual number. The numbers here are synthetic, computed for the test.
#include <catch2/catch.hpp>

#include "shared/people/national_id.h"

using namespace bhm;

namespace {
std::string code_of(std::string_view id) {
    auto refusal = check_national_id(id);
    return refusal ? refusal->code : "ok";
}
}  // namespace

TEST_CASE("a valid national ID is accepted and gives its birth date") {
    CHECK(code_of("15038512363") == "ok");
    CHECK(birth_date_of("15038512363") == Date{1985, 3, 15});
}

TEST_CASE("a D-number has 4 added to the first digit of the day") {
    CHECK(code_of("55038512357") == "ok");
    CHECK(birth_date_of("55038512357") == Date{1985, 3, 15});
    CHECK(birth_date_of("71129940047") == Date{1999, 12, 31});
}

TEST_CASE("the century comes from the individual number") {
    CHECK(birth_date_of("01010550048") == Date{2005, 1, 1});   // 500-999 with year 00-39
    CHECK(birth_date_of("01016050012") == Date{1860, 1, 1});   // 500-749 with year 54-99
    CHECK(birth_date_of("15034590009") == Date{1945, 3, 15});  // 900-999 with year 40-99
    CHECK(birth_date_of("29020050088") == Date{2000, 2, 29});  // leap day in 2000
}

TEST_CASE("a national ID that is not 11 digits is refused as a format error") {
    for (const char* id : {"", "1503851236", "150385123634", "150385 12363", "1503851236X", "-5038512363"}) {
        INFO(id);
        CHECK(code_of(id) == "national_id_format");
    }
}

TEST_CASE("a national ID with a wrong check digit is refused") {
    CHECK(code_of("15038512364") == "national_id_checksum");  // second check digit off by one
    CHECK(code_of("15038512373") == "national_id_checksum");  // first check digit off by one
    CHECK(code_of("15038500800") == "national_id_checksum");  // first check digit would be 10: never issued
    CHECK_FALSE(birth_date_of("15038512364"));
}

TEST_CASE("a national ID with correct check digits but no real birth date is refused") {
    CHECK(code_of("31029012302") == "national_id_date");  // 31 February
    CHECK(code_of("29020012380") == "national_id_date");  // 29 February 1900 (not a leap year)
    CHECK(code_of("15034580046") == "national_id_date");  // individual 800 with year 45: no century
    CHECK(code_of("15035370150") == "national_id_date");  // individual 701 with year 53: before 1854
}

TEST_CASE("a national ID refusal says what is wrong in plain words") {
    auto refusal = check_national_id("123");
    REQUIRE(refusal);
    CHECK(refusal->message.find("11 digits") != std::string::npos);
}

TEST_CASE("an HPR number is 4 to 9 digits") {
    CHECK_FALSE(check_hpr_number("1234"));
    CHECK_FALSE(check_hpr_number("123456789"));
    CHECK_FALSE(check_hpr_number("9144889"));
    for (const char* hpr : {"", "123", "1234567890", "12 345", "12a45", "-1234"}) {
        INFO(hpr);
        auto refusal = check_hpr_number(hpr);
        REQUIRE(refusal);
        CHECK(refusal->code == "hpr_number_format");
    }
}

TEST_CASE("an H-number (month raised by 40) with valid check digits is accepted") {
    CHECK(code_of("15438500100") == "ok");
    CHECK(birth_date_of("15438500100") == Date{1985, 3, 15});
    CHECK(birth_date_of("01419900024") == Date{1999, 1, 1});
    CHECK(code_of("15438500101") == "national_id_checksum");   // an H-number's check digits are checked too
}

TEST_CASE("an H-number or D-number with an impossible date is refused") {
    CHECK(code_of("15538500078") == "national_id_date");   // month 53 - 40 = 13
    CHECK(code_of("55438500013") == "national_id_date");   // day and month both raised: neither D nor H
}

TEST_CASE("a national ID whose birth date lies in the future is refused") {
    const Date today{2026, 12, 2};
    auto refusal = check_national_id("01063560045", today);   // 1 June 2035 (individual 600, year 35)
    REQUIRE(refusal);
    CHECK(refusal->code == "national_id_birth_in_future");
    CHECK_FALSE(check_national_id("15038512363", today));
    CHECK_FALSE(check_national_id("01063560045", Date{2035, 6, 1}));   // born today: fine
}
