// "Today" means the date in Norway, with summer time by the EU rule.
#include <catch2/catch.hpp>

#include "shared/core/norway_time.h"

using namespace bhm;

namespace {
Timestamp at(const char* iso) { return *parse_iso_timestamp(iso); }
}  // namespace

TEST_CASE("just after midnight in Norway it is already the next day there though not in UTC") {
    CHECK(local_date(at("2026-11-22T23:30:00Z")) == Date{2026, 11, 23});   // 00:30 CET
    CHECK(local_date(at("2026-11-22T22:59:59Z")) == Date{2026, 11, 22});
    CHECK(local_date(at("2026-07-01T22:30:00Z")) == Date{2026, 7, 2});     // 00:30 CEST
    CHECK(local_date(at("2026-07-01T21:59:59Z")) == Date{2026, 7, 1});
}

TEST_CASE("summer time runs from the last Sunday of March to the last Sunday of October at 01:00 UTC") {
    CHECK(norway_utc_offset_seconds(at("2026-03-29T00:59:59Z")) == 3600);
    CHECK(norway_utc_offset_seconds(at("2026-03-29T01:00:00Z")) == 7200);
    CHECK(norway_utc_offset_seconds(at("2026-10-25T00:59:59Z")) == 7200);
    CHECK(norway_utc_offset_seconds(at("2026-10-25T01:00:00Z")) == 3600);
    CHECK(norway_utc_offset_seconds(at("2027-03-28T01:00:00Z")) == 7200);
}

TEST_CASE("midnight in Norway is 23:00 or 22:00 UTC the day before") {
    CHECK(to_iso(local_start_of(Date{2026, 1, 1})) == "2025-12-31T23:00:00Z");
    CHECK(to_iso(local_start_of(Date{2026, 7, 1})) == "2026-06-30T22:00:00Z");
}
