// The station state machine: modes, case slips and END, without I/O.
#include <catch2/catch.hpp>

#include "scanner/station_state.h"

using namespace bhm::scan;
using Kind = StationStep::Kind;

TEST_CASE("a MODE: barcode switches the station's mode and sends nothing") {
    StationState receive{StationMode::receive, std::nullopt};
    for (auto [text, mode] : {std::pair{"MODE:return", StationMode::return_device},
                              std::pair{"MODE:inspect", StationMode::inspect},
                              std::pair{"MODE:count", StationMode::count},
                              std::pair{"]C0MODE:issue", StationMode::issue},
                              std::pair{"mode:Receive\r", StationMode::receive}}) {
        StationStep step = apply_scan(receive, text);
        CHECK(step.kind == Kind::mode_changed);
        CHECK(step.state.mode == mode);
    }
}

TEST_CASE("an unknown mode barcode is refused and the mode stays") {
    StationState count{StationMode::count, std::nullopt};
    StationStep step = apply_scan(count, "MODE:lend");
    CHECK(step.kind == Kind::refused);
    CHECK(step.state.mode == StationMode::count);
    CHECK(step.note.find("unknown mode") != std::string::npos);
}

TEST_CASE("in issue mode a case slip opens the case and following device scans are issued to it") {
    StationState s{StationMode::issue, std::nullopt};
    StationStep slip = apply_scan(s, "CASE:2026-0042");
    REQUIRE(slip.kind == Kind::case_opened);
    REQUIRE(slip.state.case_number == "2026-0042");
    StationStep device = apply_scan(slip.state, "]d20109506000134352");
    CHECK(device.kind == Kind::send_scan);
    CHECK(device.state.mode == StationMode::issue);
    CHECK(device.state.case_number == "2026-0042");
    StationStep second = apply_scan(device.state, "BHM0000001X");
    CHECK(second.state.case_number == "2026-0042");
}

TEST_CASE("a device scan in issue mode before any case slip is refused at the station") {
    StationStep step = apply_scan(StationState{StationMode::issue, std::nullopt}, "]d20109506000134352");
    CHECK(step.kind == Kind::refused);
    CHECK(step.note.find("case slip") != std::string::npos);
}

TEST_CASE("END closes the open case and a new slip replaces the old case") {
    StationState open{StationMode::issue, std::string("A-1")};
    StationStep next_slip = apply_scan(open, "CASE:B-2");
    CHECK(next_slip.kind == Kind::case_opened);
    CHECK(next_slip.state.case_number == "B-2");
    CHECK(next_slip.note.find("A-1 closed") != std::string::npos);
    StationStep end = apply_scan(next_slip.state, "END");
    CHECK(end.kind == Kind::case_closed);
    CHECK_FALSE(end.state.case_number.has_value());
    CHECK(apply_scan(end.state, "]d20109506000134352").kind == Kind::refused);
    CHECK(apply_scan(end.state, "END").kind == Kind::ignored);
}

TEST_CASE("switching mode closes the open case") {
    StationStep step = apply_scan(StationState{StationMode::issue, std::string("A-1")}, "MODE:receive");
    CHECK(step.state.mode == StationMode::receive);
    CHECK_FALSE(step.state.case_number.has_value());
    CHECK(step.note.find("A-1 closed") != std::string::npos);
}

TEST_CASE("case slips are refused outside issue mode and malformed case numbers are refused") {
    CHECK(apply_scan(StationState{StationMode::receive, std::nullopt}, "CASE:1").kind == Kind::refused);
    StationState issue{StationMode::issue, std::nullopt};
    CHECK(apply_scan(issue, "CASE:").kind == Kind::refused);
    CHECK(apply_scan(issue, "CASE:a b;c").kind == Kind::refused);
    CHECK(apply_scan(issue, "CASE:" + std::string(65, '7')).kind == Kind::refused);
}

TEST_CASE("device scans outside issue mode are sent in the station's mode with no case") {
    StationStep step = apply_scan(StationState{StationMode::return_device, std::nullopt}, "+A123BJC5D6E71G");
    CHECK(step.kind == Kind::send_scan);
    CHECK(to_string(step.state.mode) == "return");
    CHECK_FALSE(step.state.case_number.has_value());
}

TEST_CASE("mode names round-trip and unknown names are rejected") {
    for (auto mode : {StationMode::receive, StationMode::return_device, StationMode::issue, StationMode::inspect,
                      StationMode::count})
        CHECK(station_mode_from(to_string(mode)) == mode);
    CHECK_FALSE(station_mode_from("lend").has_value());
    CHECK_FALSE(station_mode_from("").has_value());
}

TEST_CASE("a QTY: code sets how many packs the next scan stands for, for that one scan only") {
    StationState receive{StationMode::receive, std::nullopt};
    auto typed = apply_scan(receive, "QTY:12");
    CHECK(typed.kind == StationStep::Kind::quantity_set);
    REQUIRE(typed.state.quantity == 12);
    auto sent = apply_scan(typed.state, "]d2010709001200100617281231" "10A2611");
    CHECK(sent.kind == StationStep::Kind::send_scan);
    CHECK(sent.quantity == 12);
    CHECK_FALSE(sent.state.quantity.has_value());
    auto next = apply_scan(sent.state, "]d2010709001200100617281231" "10A2611");
    CHECK_FALSE(next.quantity.has_value());
    CHECK(apply_scan(receive, "QTY:abc").kind == StationStep::Kind::refused);
    CHECK(apply_scan(receive, "QTY:100001").kind == StationStep::Kind::refused);
    CHECK(apply_scan(receive, "QTY:0").state.quantity == 0);   // a count of none
}
