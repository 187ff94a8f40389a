// Proves the unit over time: a record is the sender's until the transfer is received, and a loan is split
// into one span per unit, so each unit's figures count only its own time.
#include <catch2/catch.hpp>

#include "shared/cases/unit_over_time.h"

using namespace bhm;

namespace {
Timestamp at(std::int64_t s) { return Timestamp{s}; }
}  // namespace

TEST_CASE("a record is the sending unit's until its transfer is received, the receiver's from then on") {
    const std::vector<UnitMove> moves{{at(200), 1, 2}, {at(100), 3, 1}};   // 3 -> 1 at 100, 1 -> 2 at 200
    CHECK(unit_at(2, moves, at(50)) == 3);
    CHECK(unit_at(2, moves, at(100)) == 3);   // a fact in the second of the receipt came before it
    CHECK(unit_at(2, moves, at(101)) == 1);
    CHECK(unit_at(2, moves, at(150)) == 1);
    CHECK(unit_at(2, moves, at(250)) == 2);
    CHECK(unit_at(7, {}, at(1)) == 7);
}

TEST_CASE("one unit's own moves are enough to tell whether a record was that unit's") {
    // 1 -> 2 at 100, 2 -> 3 at 200; unit 1 knows only its own move.
    const std::vector<UnitMove> ones{{at(100), 1, 2}};
    CHECK(unit_at(3, ones, at(50)) == 1);
    CHECK(unit_at(3, ones, at(150)) != 1);
    CHECK(unit_at(3, ones, at(250)) != 1);
}

TEST_CASE("a loan is split at each receipt into one span per unit") {
    auto spans = loan_spans(2, at(10), std::nullopt, {{at(100), 1, 2}});
    REQUIRE(spans.size() == 2);
    CHECK(spans[0].unit == 1);
    CHECK(spans[0].from == at(10));
    CHECK(spans[0].to == at(100));
    CHECK(spans[0].begins_loan);
    CHECK_FALSE(spans[0].ends_loan);
    CHECK(spans[1].unit == 2);
    CHECK(spans[1].from == at(100));
    CHECK_FALSE(spans[1].to);
    CHECK_FALSE(spans[1].begins_loan);
    CHECK_FALSE(spans[1].ends_loan);   // still open

    auto ended = loan_spans(2, at(10), at(300), {{at(100), 1, 2}});
    REQUIRE(ended.size() == 2);
    CHECK(ended[1].ends_loan);
    CHECK(ended[1].to == at(300));

    auto same_second = loan_spans(2, at(10), std::nullopt, {{at(10), 1, 2}});   // delivered, then sent on at once
    REQUIRE(same_second.size() == 2);
    CHECK(same_second[0].unit == 1);
    CHECK(same_second[0].begins_loan);
    CHECK(same_second[1].unit == 2);

    auto untouched = loan_spans(1, at(10), at(50), {{at(100), 1, 2}});   // another loan's move: not this one's
    REQUIRE(untouched.size() == 1);
    CHECK(untouched[0].unit == 1);
    CHECK(untouched[0].begins_loan);
    CHECK(untouched[0].ends_loan);
}
