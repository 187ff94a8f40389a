// Tests for the GS1 mod-10 check digit on the GS1 General Specifications' own numbers and on
// widely published EAN-8 / UPC-A examples.
#include <catch2/catch.hpp>

#include "shared/barcode/gs1_check_digit.h"

using namespace bhm::barcode;

TEST_CASE("the GS1 example GTIN 09506000134352 has check digit 2") {
    CHECK(gs1_check_digit("0950600013435") == '2');
    CHECK(gtin_check_digit_ok("09506000134352"));
    CHECK_FALSE(gtin_check_digit_ok("09506000134353"));
}

TEST_CASE("the GenSpecs check digit example GTIN-13 629104150021 has check digit 3") {
    CHECK(gs1_check_digit("629104150021") == '3');
    CHECK(gtin_check_digit_ok("6291041500213"));
}

TEST_CASE("the GenSpecs example SSCC 106141412345678908 has check digit 8") {
    CHECK(gs1_check_digit("10614141234567890") == '8');
    CHECK(gs1_check_digit_ok("106141412345678908"));
    CHECK_FALSE(gs1_check_digit_ok("106141412345678907"));
}

TEST_CASE("GTIN-8 and GTIN-12 use the same check digit rule") {
    CHECK(gtin_check_digit_ok("96385074"));      // EAN-8
    CHECK(gtin_check_digit_ok("036000291452"));  // UPC-A
    CHECK_FALSE(gtin_check_digit_ok("96385075"));
    CHECK_FALSE(gtin_check_digit_ok("036000291453"));
}

TEST_CASE("a GTIN must be 8, 12, 13 or 14 digits and nothing else") {
    CHECK_FALSE(gtin_check_digit_ok(""));
    CHECK_FALSE(gtin_check_digit_ok("9506000134352X"));
    CHECK_FALSE(gtin_check_digit_ok("106141412345678908"));  // an SSCC is not a GTIN
    CHECK_FALSE(gtin_check_digit_ok("0950600013435"));       // 13 digits but the check digit is wrong
    CHECK_FALSE(gs1_check_digit("12a4"));
}

TEST_CASE("every valid GTIN is brought to 14 digits with leading zeros") {
    CHECK(to_gtin14("6291041500213") == "06291041500213");
    CHECK(to_gtin14("036000291452") == "00036000291452");
    CHECK(to_gtin14("96385074") == "00000096385074");
    CHECK(to_gtin14("09506000134352") == "09506000134352");
    CHECK_FALSE(to_gtin14("6291041500214"));
}
