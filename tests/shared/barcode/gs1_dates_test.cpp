// Tests for GS1 dates: the DD = 00 end-of-month rule, invalid months and days, and the
// GenSpecs §7.12 century rule for two-digit years relative to a reference year.
#include <catch2/catch.hpp>

#include <string>

#include "shared/barcode/gs1.h"

using namespace bhm::barcode;

namespace {
std::string expiry(const std::string& yymmdd, int reference_year = 2026) {
    auto outcome = parse_gs1("17" + yymmdd, GS1Options{.reference_year = reference_year});
    if (!outcome.ok()) return "error: " + outcome.error->message;
    return outcome.value->iso_of("17");
}

ParseError date_error(const std::string& element) {
    auto outcome = parse_gs1(element);
    REQUIRE_FALSE(outcome.ok());
    return *outcome.error;
}
}  // namespace

TEST_CASE("day 00 means the last day of the month, 29 February in a leap year") {
    CHECK(expiry("240200") == "2024-02-29");
    CHECK(expiry("230200") == "2023-02-28");
    CHECK(expiry("241100") == "2024-11-30");
    CHECK(expiry("251200") == "2025-12-31");
}

TEST_CASE("every YYMMDD date AI gives an ISO date") {
    for (const char* ai : {"11", "12", "13", "15", "16", "17"}) {
        INFO(ai);
        auto outcome = parse_gs1(std::string{ai} + "250631");
        CHECK_FALSE(outcome.ok());  // 31 June does not exist
        auto good = parse_gs1(std::string{ai} + "250630");
        REQUIRE(good.ok());
        CHECK(good.value->iso_of(ai) == "2025-06-30");
    }
}

TEST_CASE("month 00 and month 13 do not exist") {
    const auto thirteen = date_error("17251301");
    CHECK(thirteen.kind == ErrorKind::invalid_date);
    CHECK(thirteen.at == 4);
    CHECK(date_error("11250001").kind == ErrorKind::invalid_date);
}

TEST_CASE("29 February exists only in leap years") {
    CHECK(expiry("240229") == "2024-02-29");
    const auto error = date_error("17230229");
    CHECK(error.kind == ErrorKind::invalid_date);
    CHECK(error.at == 6);
}

TEST_CASE("a two-digit year lands within -49..+50 years of the reference year") {
    // Reference 2026: 76 is 50 years ahead (2076), 77 would be 51 ahead so it is 1977.
    CHECK(expiry("761231", 2026) == "2076-12-31");
    CHECK(expiry("770101", 2026) == "1977-01-01");
    // Reference 2000: 49 and 50 are ahead, 51 is in the previous century.
    CHECK(expiry("490101", 2000) == "2049-01-01");
    CHECK(expiry("500101", 2000) == "2050-01-01");
    CHECK(expiry("510101", 2000) == "1951-01-01");
    // Reference 2080: 30 is 50 years ahead in the next century, 31 stays in this one.
    CHECK(expiry("300101", 2080) == "2130-01-01");
    CHECK(expiry("310101", 2080) == "2031-01-01");
}

TEST_CASE("the century rule follows GS1 GenSpecs 7.12 differences exactly") {
    CHECK(expand_two_digit_year(76, 2026) == 2076);  // difference 50: this century
    CHECK(expand_two_digit_year(77, 2026) == 1977);  // difference 51: previous century
    CHECK(expand_two_digit_year(26, 2026) == 2026);
    CHECK(expand_two_digit_year(0, 2026) == 2000);
    CHECK(expand_two_digit_year(30, 2080) == 2130);  // difference -50: next century
    CHECK(expand_two_digit_year(31, 2080) == 2031);  // difference -49: this century
}

TEST_CASE("the default reference year is 2026") {
    CHECK(kDefaultReferenceYear == 2026);
    auto outcome = parse_gs1("17770101");
    REQUIRE(outcome.ok());
    CHECK(outcome.value->iso_of("17") == "1977-01-01");
}

TEST_CASE("day-of-year dates cover 365 or 366 days") {
    CHECK(to_iso(*date_from_day_of_year(2024, 60)) == "2024-02-29");
    CHECK(to_iso(*date_from_day_of_year(2023, 60)) == "2023-03-01");
    CHECK(to_iso(*date_from_day_of_year(2024, 366)) == "2024-12-31");
    CHECK_FALSE(date_from_day_of_year(2023, 366));
    CHECK_FALSE(date_from_day_of_year(2024, 0));
}
