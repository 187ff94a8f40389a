// Standing supply, the collection gap and the reorder rule.
#include <catch2/catch.hpp>

#include "shared/consumables/collection_gap.h"
#include "shared/consumables/reorder.h"
#include "shared/consumables/standing_supply.h"

using namespace bhm;

TEST_CASE("a standing order is due on its start date, then an interval after it was last sent") {
    CHECK(standing_order_next_due(Date{2026, 1, 10}, std::nullopt, 90) == Date{2026, 1, 10});
    CHECK(standing_order_next_due(Date{2026, 1, 10}, Date{2026, 3, 1}, 30) == Date{2026, 3, 31});
}

TEST_CASE("the due list holds what is due by Sunday of the current week, overdue ones included") {
    const Date wednesday{2026, 12, 2};   // a Wednesday
    CHECK(end_of_week(wednesday) == Date{2026, 12, 6});
    CHECK(end_of_week(Date{2026, 12, 6}) == Date{2026, 12, 6});    // Sunday ends its own week
    CHECK(end_of_week(Date{2026, 11, 30}) == Date{2026, 12, 6});   // Monday
    CHECK(standing_order_due_this_week(Date{2026, 12, 6}, wednesday));
    CHECK(standing_order_due_this_week(Date{2026, 10, 1}, wednesday));
    CHECK_FALSE(standing_order_due_this_week(Date{2026, 12, 7}, wednesday));
    CHECK(valid_supply_interval(30));
    CHECK_FALSE(valid_supply_interval(0));
}

TEST_CASE("a loan whose consumables were not collected for more than N days is a candidate to contact") {
    const Date today{2026, 12, 2};
    CHECK_FALSE(collection_gap(Date{2026, 1, 1}, Date{2026, 11, 1}, today, 180));
    auto gap = collection_gap(Date{2025, 1, 1}, Date{2026, 1, 1}, today, 180);
    REQUIRE(gap);
    CHECK(gap->since == Date{2026, 1, 1});
    CHECK(gap->days == 335);
    auto never = collection_gap(Date{2026, 3, 1}, std::nullopt, today, 180);
    REQUIRE(never);
    CHECK(never->since == Date{2026, 3, 1});
}

TEST_CASE("below the minimum an item is reordered up to the maximum, at the minimum not at all") {
    CHECK(reorder_quantity(3, 5, 20) == 17);
    CHECK(reorder_quantity(5, 5, 20) == 0);
    CHECK(reorder_quantity(0, 1, 1) == 1);
    CHECK_FALSE(stock_level_refusal(5, 20));
    CHECK(stock_level_refusal(-1, 20));
    CHECK(stock_level_refusal(10, 5));
    CHECK(stock_level_refusal(0, 0));
}
