// The status a stock lot takes when a field safety notice's action is done for it (shared/recalls/lot_action.h).
#include <catch2/catch.hpp>

#include "shared/recalls/hold.h"
#include "shared/recalls/lot_action.h"

using namespace bhm;

TEST_CASE("an inspect or modify done gives the lot back the status it had before the notice", "[recall][lot]") {
    for (auto action : {RecallAction::inspect, RecallAction::modify}) {
        CHECK(action_releases_lot(action));
        CHECK(lot_status_after_action(action, LotStatus::available, false, "FSN-1").status == LotStatus::available);
        CHECK(lot_status_after_action(action, LotStatus::on_hold, false, "FSN-1").status == LotStatus::on_hold);
        CHECK(lot_status_after_action(action, LotStatus::quarantined, false, "FSN-1").status ==
              LotStatus::quarantined);
    }
    const auto released = lot_status_after_action(RecallAction::inspect, LotStatus::available, false, "FSN-1");
    CHECK(released.reason.find("FSN-1") != std::string::npos);
    CHECK(released.reason.find("inspect") != std::string::npos);
}

TEST_CASE("a replace, stop-using or return done leaves the lot recalled: its packs never reach a patient",
          "[recall][lot]") {
    for (auto action : {RecallAction::replace, RecallAction::stop_using, RecallAction::return_to_manufacturer}) {
        CHECK_FALSE(action_releases_lot(action));
        const auto after = lot_status_after_action(action, LotStatus::available, false, "FSN-2");
        CHECK(after.status == LotStatus::recalled);
        CHECK(after.reason.find(to_string(action)) != std::string::npos);
    }
}

TEST_CASE("a lot another open notice still holds stays recalled after an inspect is done", "[recall][lot]") {
    const auto after = lot_status_after_action(RecallAction::inspect, LotStatus::available, true, "FSN-3");
    CHECK(after.status == LotStatus::recalled);
    CHECK(after.reason.find("another open notice") != std::string::npos);
}

TEST_CASE("a pick from a lot under an open notice is refused naming the notice", "[recall][lot]") {
    CHECK_FALSE(check_lot_recall_holds({}, "L1").has_value());
    auto refusal = check_lot_recall_holds({{7, "FSN-4", RecallAction::return_to_manufacturer}}, "L1");
    REQUIRE(refusal);
    CHECK(refusal->code == "recall_action_pending");
    CHECK(refusal->message.find("FSN-4 (return)") != std::string::npos);
    CHECK(refusal->message.find("Lot L1") != std::string::npos);
}
