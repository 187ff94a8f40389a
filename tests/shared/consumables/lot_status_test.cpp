// Lot status: expired follows from the date; only an available lot may be picked, with the reason otherwise.
#include <catch2/catch.hpp>

#include "shared/consumables/lot_status.h"

using namespace bhm;

namespace {
const Date today{2026, 12, 2};
}

TEST_CASE("a lot is expired the day after its expiry date, whatever is stored, but a recall outranks it") {
    CHECK(effective_lot_status(LotStatus::available, Date{2026, 12, 2}, today) == LotStatus::available);
    CHECK(effective_lot_status(LotStatus::available, Date{2026, 12, 1}, today) == LotStatus::expired);
    CHECK(effective_lot_status(LotStatus::on_hold, Date{2026, 1, 1}, today) == LotStatus::expired);
    CHECK(effective_lot_status(LotStatus::recalled, Date{2026, 1, 1}, today) == LotStatus::recalled);
}

TEST_CASE("an expired, recalled, on-hold or quarantined lot is never picked, and the refusal says why") {
    const Date later{2027, 6, 30};
    CHECK_FALSE(lot_pick_refusal(LotStatus::available, later, today, "L1"));
    CHECK(lot_pick_refusal(LotStatus::available, Date{2026, 11, 30}, today, "L1")->code == "lot_expired");
    CHECK(lot_pick_refusal(LotStatus::recalled, later, today, "L1")->code == "lot_recalled");
    CHECK(lot_pick_refusal(LotStatus::on_hold, later, today, "L1")->code == "lot_on_hold");
    CHECK(lot_pick_refusal(LotStatus::quarantined, later, today, "L1")->code == "lot_quarantined");
    CHECK(lot_pick_refusal(LotStatus::expired, later, today, "L1")->code == "lot_expired");
    CHECK(lot_pick_refusal(LotStatus::recalled, later, today, "L77")->message.find("L77") != std::string::npos);
}

TEST_CASE("a lot is near expiry within the window and not once expired") {
    CHECK(near_expiry(Date{2026, 12, 20}, today, 30));
    CHECK_FALSE(near_expiry(Date{2027, 3, 1}, today, 30));
    CHECK_FALSE(near_expiry(Date{2026, 12, 1}, today, 30));
}

TEST_CASE("lot statuses read and write as text") {
    for (auto s : {LotStatus::available, LotStatus::on_hold, LotStatus::quarantined, LotStatus::recalled,
                   LotStatus::expired})
        CHECK(parse_lot_status(to_string(s)) == s);
    CHECK_FALSE(parse_lot_status("blocked"));
}

TEST_CASE("an expired pack is not taken into stock, but one expiring today is") {
    CHECK_FALSE(receipt_refusal(today, today, "L1"));
    CHECK(receipt_refusal(Date{2026, 12, 1}, today, "L1")->code == "pack_expired");
}
