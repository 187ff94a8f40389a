// Proves the calendar rules the domain leans on: strict ISO dates, leap years, month-end clamping,
// and timestamps with zones, so deadlines and due dates are never off by a day.
#include <catch2/catch.hpp>

#include "shared/core/date.h"

using namespace bhm;

TEST_CASE("an ISO date is parsed and printed back unchanged") {
    auto date = parse_iso_date("2024-03-07");
    REQUIRE(date);
    CHECK(*date == Date{2024, 3, 7});
    CHECK(to_iso(*date) == "2024-03-07");
    CHECK(to_iso(Date{987, 1, 2}) == "0987-01-02");
}

TEST_CASE("29 February exists only in leap years") {
    CHECK(parse_iso_date("2024-02-29"));
    CHECK(parse_iso_date("2000-02-29"));
    CHECK_FALSE(parse_iso_date("2023-02-29"));
    CHECK_FALSE(parse_iso_date("1900-02-29"));
}

TEST_CASE("malformed or impossible dates are refused") {
    for (const char* text : {"", "2024-3-07", "2024/03/07", "2024-13-01", "2024-00-10", "2024-04-31", "2024-01-00",
                             "24-03-07", "2024-03-07 ", "2024-03-0x", "0000-01-01", "+024-03-07"}) {
        INFO(text);
        CHECK_FALSE(parse_iso_date(text));
    }
}

TEST_CASE("dates compare in calendar order") {
    CHECK(Date{2024, 1, 31} < Date{2024, 2, 1});
    CHECK(Date{2023, 12, 31} < Date{2024, 1, 1});
    CHECK(Date{2024, 5, 5} == Date{2024, 5, 5});
}

TEST_CASE("adding days crosses months, years and leap days") {
    CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
    CHECK(add_days(Date{2023, 2, 28}, 1) == Date{2023, 3, 1});
    CHECK(add_days(Date{2024, 12, 31}, 1) == Date{2025, 1, 1});
    CHECK(add_days(Date{2024, 1, 1}, -1) == Date{2023, 12, 31});
    CHECK(add_days(Date{2024, 1, 1}, 366) == Date{2025, 1, 1});
    CHECK(days_since_epoch(Date{1970, 1, 1}) == 0);
    CHECK(date_from_days(days_since_epoch(Date{1860, 3, 15})) == Date{1860, 3, 15});
}

TEST_CASE("adding months clamps to the end of a shorter month") {
    CHECK(add_months(Date{2024, 1, 31}, 1) == Date{2024, 2, 29});
    CHECK(add_months(Date{2023, 1, 31}, 1) == Date{2023, 2, 28});
    CHECK(add_months(Date{2024, 8, 31}, 6) == Date{2025, 2, 28});
    CHECK(add_months(Date{2024, 3, 15}, 12) == Date{2025, 3, 15});
    CHECK(add_months(Date{2024, 3, 31}, -1) == Date{2024, 2, 29});
    CHECK(add_months(Date{2024, 1, 15}, -13) == Date{2022, 12, 15});
}

TEST_CASE("days between two dates is signed") {
    CHECK(days_between(Date{2024, 1, 1}, Date{2024, 12, 31}) == 365);
    CHECK(days_between(Date{2024, 3, 1}, Date{2024, 2, 1}) == -29);
    CHECK(days_between(Date{2024, 3, 1}, Date{2024, 3, 1}) == 0);
}

TEST_CASE("a UTC timestamp is parsed and printed with Z") {
    auto time = parse_iso_timestamp("2024-03-07T12:34:56Z");
    REQUIRE(time);
    CHECK(time->unix_seconds == 1709814896);
    CHECK(to_iso(*time) == "2024-03-07T12:34:56Z");
}

TEST_CASE("a timestamp offset is converted to UTC and a fraction is dropped") {
    auto oslo = parse_iso_timestamp("2024-03-07T00:30:00.250+01:00");
    REQUIRE(oslo);
    CHECK(to_iso(*oslo) == "2024-03-06T23:30:00Z");
    CHECK(date_of(*oslo) == Date{2024, 3, 6});
    auto west = parse_iso_timestamp("2024-03-07T23:30:00-0230");
    REQUIRE(west);
    CHECK(to_iso(*west) == "2024-03-08T02:00:00Z");
}

TEST_CASE("a plain date is read as midnight UTC") {
    auto time = parse_iso_timestamp("2024-03-07");
    REQUIRE(time);
    CHECK(to_iso(*time) == "2024-03-07T00:00:00Z");
    CHECK(*time == start_of(Date{2024, 3, 7}));
}

TEST_CASE("timestamps without a zone or out of range are refused") {
    for (const char* text : {"2024-03-07T12:34:56", "2024-03-07T24:00:00Z", "2024-03-07T12:60:00Z",
                             "2024-03-07T12:34:60Z", "2024-03-07T12:34Z", "2024-03-07T12:34:56.Z",
                             "2024-03-07T12:34:56+25:00", "2024-03-07T12:34:56Zjunk", "2024-02-30T00:00:00Z",
                             "2024-03-07X12:34:56Z"}) {
        INFO(text);
        CHECK_FALSE(parse_iso_timestamp(text));
    }
}

TEST_CASE("the date of a timestamp before 1970 is still the UTC calendar date") {
    const Timestamp before_epoch{-1};
    CHECK(date_of(before_epoch) == Date{1969, 12, 31});
    CHECK(to_iso(before_epoch) == "1969-12-31T23:59:59Z");
}
