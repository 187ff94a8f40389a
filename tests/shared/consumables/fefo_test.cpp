// First-expiry-first-out picking.
#include <catch2/catch.hpp>

#include "shared/consumables/fefo.h"

using namespace bhm;

namespace {
const Date today{2026, 12, 2};
}

TEST_CASE("FEFO proposes the earliest expiry first") {
    std::vector<StockLot> lots{{1, "LATE", Date{2028, 1, 1}, LotStatus::available, 10},
                               {2, "SOON", Date{2027, 1, 1}, LotStatus::available, 3},
                               {3, "MID", Date{2027, 6, 1}, LotStatus::available, 10}};
    auto proposal = propose_fefo(lots, 5, today);
    REQUIRE(proposal.picks.size() == 2);
    CHECK(proposal.picks[0].lot_id == 2);
    CHECK(proposal.picks[0].quantity == 3);
    CHECK(proposal.picks[1].lot_id == 3);
    CHECK(proposal.picks[1].quantity == 2);
    CHECK(proposal.short_by == 0);
}

TEST_CASE("FEFO never proposes an expired, recalled, on-hold or quarantined lot, and says what is short") {
    std::vector<StockLot> lots{{1, "EXP", Date{2026, 11, 1}, LotStatus::available, 10},
                               {2, "REC", Date{2027, 1, 1}, LotStatus::recalled, 10},
                               {3, "HOLD", Date{2027, 1, 2}, LotStatus::on_hold, 10},
                               {4, "QUAR", Date{2027, 1, 3}, LotStatus::quarantined, 10},
                               {5, "OK", Date{2028, 1, 1}, LotStatus::available, 4}};
    auto proposal = propose_fefo(lots, 6, today);
    REQUIRE(proposal.picks.size() == 1);
    CHECK(proposal.picks[0].lot_id == 5);
    CHECK(proposal.picks[0].quantity == 4);
    CHECK(proposal.short_by == 2);
}

TEST_CASE("FEFO breaks an expiry tie by the older receipt and skips empty lots") {
    std::vector<StockLot> lots{{9, "B", Date{2027, 1, 1}, LotStatus::available, 5},
                               {4, "A", Date{2027, 1, 1}, LotStatus::available, 5},
                               {2, "EMPTY", Date{2026, 12, 5}, LotStatus::available, 0}};
    auto proposal = propose_fefo(lots, 1, today);
    REQUIRE(proposal.picks.size() == 1);
    CHECK(proposal.picks[0].lot_id == 4);
}
