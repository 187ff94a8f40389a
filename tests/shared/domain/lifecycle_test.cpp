// Proves the device state machine: a device reaches the shelf only cleaned and inspected, moves only along
// allowed paths, and every refused move names the state the device is in.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <vector>

#include "shared/devices/lifecycle.h"

using namespace bhm;

namespace {

// Applies actions in order and requires each to succeed.
DeviceStatus run(DeviceStatus status, std::initializer_list<DeviceAction> actions) {
    for (DeviceAction action : actions) {
        Transition step = apply(status, action);
        INFO(to_string(action) << " from " << to_string(status.state));
        REQUIRE(step.next);
        REQUIRE_FALSE(step.refusal);
        status = *step.next;
    }
    return status;
}

std::string refusal_code(const DeviceStatus& status, DeviceAction action) {
    Transition step = apply(status, action);
    if (!step.refusal) return "allowed";
    CHECK_FALSE(step.next);
    return step.refusal->code;
}

DeviceStatus in(DeviceState state) { return DeviceStatus{state, false, false, false}; }

const DeviceStatus available = DeviceStatus{DeviceState::available, true, true, false};

}  // namespace

TEST_CASE("device states and actions round-trip through their names") {
    for (auto state : {DeviceState::received, DeviceState::available, DeviceState::reserved, DeviceState::on_loan,
                       DeviceState::returned, DeviceState::in_service, DeviceState::retired, DeviceState::lost}) {
        CHECK(parse_device_state(to_string(state)) == state);
    }
    CHECK(to_string(DeviceState::on_loan) == "on_loan");
    CHECK_FALSE(parse_device_state("loaned"));
    CHECK(parse_device_action(to_string(DeviceAction::take_return)) == DeviceAction::take_return);
    CHECK_FALSE(parse_device_action("return"));
}

TEST_CASE("a new device becomes available only after cleaning and a passed inspection") {
    DeviceStatus received = in(DeviceState::received);
    CHECK(refusal_code(received, DeviceAction::pass_inspection) == "clean_before_inspection");
    DeviceStatus cleaned = run(received, {DeviceAction::record_cleaning});
    CHECK(cleaned.state == DeviceState::received);
    CHECK(refusal_code(cleaned, DeviceAction::reserve) == "device_not_available");
    DeviceStatus ready = run(cleaned, {DeviceAction::pass_inspection});
    CHECK(ready.state == DeviceState::available);
    CHECK(ready.cleaned);
    CHECK(ready.inspected);
}

TEST_CASE("a returned device becomes available only after cleaning and a passed inspection") {
    DeviceStatus returned = run(available, {DeviceAction::deliver, DeviceAction::take_return});
    CHECK(returned.state == DeviceState::returned);
    CHECK_FALSE(returned.cleaned);
    CHECK_FALSE(returned.inspected);
    CHECK(refusal_code(returned, DeviceAction::deliver) == "device_not_available");
    CHECK(refusal_code(returned, DeviceAction::pass_inspection) == "clean_before_inspection");
    CHECK(run(returned, {DeviceAction::record_cleaning, DeviceAction::pass_inspection}).state ==
          DeviceState::available);
}

TEST_CASE("a device is reserved, released and delivered only from the right states") {
    DeviceStatus reserved = run(available, {DeviceAction::reserve});
    CHECK(reserved.state == DeviceState::reserved);
    CHECK(refusal_code(reserved, DeviceAction::reserve) == "device_not_available");
    CHECK(run(reserved, {DeviceAction::release_reservation}).state == DeviceState::available);
    CHECK(refusal_code(available, DeviceAction::release_reservation) == "device_not_reserved");
    CHECK(run(reserved, {DeviceAction::deliver}).state == DeviceState::on_loan);
    CHECK(run(available, {DeviceAction::deliver}).state == DeviceState::on_loan);
    CHECK(refusal_code(in(DeviceState::in_service), DeviceAction::deliver) == "device_not_available");
}

TEST_CASE("only a device on loan can be taken back as a return") {
    CHECK(refusal_code(available, DeviceAction::take_return) == "device_not_on_loan");
    CHECK(refusal_code(in(DeviceState::returned), DeviceAction::take_return) == "device_not_on_loan");
}

TEST_CASE("a periodic inspection keeps the device where it is") {
    for (auto state : {DeviceState::available, DeviceState::reserved, DeviceState::on_loan}) {
        DeviceStatus status{state, true, false, false};
        DeviceStatus next = run(status, {DeviceAction::pass_inspection});
        CHECK(next.state == state);
        CHECK(next.inspected);
    }
}

TEST_CASE("a failed inspection sends the device to service") {
    for (auto state : {DeviceState::received, DeviceState::available, DeviceState::reserved, DeviceState::returned,
                       DeviceState::in_service}) {
        INFO(to_string(state));
        DeviceStatus next = run(DeviceStatus{state, true, true, false}, {DeviceAction::fail_inspection});
        CHECK(next.state == DeviceState::in_service);
        CHECK_FALSE(next.inspected);
    }
}

TEST_CASE("a failed inspection of a device on loan flags it but leaves it with the patient") {
    DeviceStatus on_loan = run(available, {DeviceAction::deliver});
    DeviceStatus flagged = run(on_loan, {DeviceAction::fail_inspection});
    CHECK(flagged.state == DeviceState::on_loan);
    CHECK(flagged.inspection_failed);
    CHECK_FALSE(flagged.inspected);
    CHECK_FALSE(run(flagged, {DeviceAction::take_return}).inspection_failed);
    CHECK_FALSE(run(flagged, {DeviceAction::pass_inspection}).inspection_failed);
}

TEST_CASE("a device leaves service only after a passed inspection since it went in") {
    DeviceStatus serviced = run(available, {DeviceAction::open_service, DeviceAction::record_cleaning});
    CHECK(serviced.state == DeviceState::in_service);
    CHECK_FALSE(serviced.inspected);
    CHECK(refusal_code(serviced, DeviceAction::close_service) == "service_needs_inspection");
    CHECK(run(serviced, {DeviceAction::pass_inspection, DeviceAction::close_service}).state ==
          DeviceState::available);
    CHECK(refusal_code(available, DeviceAction::close_service) == "device_not_in_service");
}

TEST_CASE("a returned device sent to service must still be cleaned before it is inspected and released") {
    DeviceStatus serviced = run(in(DeviceState::returned), {DeviceAction::open_service});
    CHECK(refusal_code(serviced, DeviceAction::close_service) == "service_needs_cleaning");
    CHECK(refusal_code(serviced, DeviceAction::pass_inspection) == "clean_before_inspection");
    CHECK(run(serviced, {DeviceAction::record_cleaning, DeviceAction::pass_inspection, DeviceAction::close_service})
              .state == DeviceState::available);
}

TEST_CASE("a device on loan cannot be serviced, cleaned or retired until it is returned") {
    DeviceStatus on_loan = run(available, {DeviceAction::deliver});
    CHECK(refusal_code(on_loan, DeviceAction::open_service) == "device_on_loan");
    CHECK(refusal_code(on_loan, DeviceAction::record_cleaning) == "device_on_loan");
    CHECK(refusal_code(on_loan, DeviceAction::retire) == "device_on_loan");
}

TEST_CASE("any device not on loan can be retired, and a retired device accepts nothing") {
    for (auto state : {DeviceState::received, DeviceState::available, DeviceState::reserved, DeviceState::returned,
                       DeviceState::in_service, DeviceState::lost}) {
        INFO(to_string(state));
        CHECK(run(in(state), {DeviceAction::retire}).state == DeviceState::retired);
    }
    DeviceStatus retired = in(DeviceState::retired);
    for (auto action : {DeviceAction::record_cleaning, DeviceAction::pass_inspection, DeviceAction::fail_inspection,
                        DeviceAction::reserve, DeviceAction::deliver, DeviceAction::open_service,
                        DeviceAction::retire, DeviceAction::report_lost, DeviceAction::report_found}) {
        INFO(to_string(action));
        CHECK(refusal_code(retired, action) == "device_retired");
    }
}

TEST_CASE("a lost device can only be found again or written off") {
    for (auto state : {DeviceState::on_loan, DeviceState::available, DeviceState::reserved, DeviceState::returned}) {
        INFO(to_string(state));
        CHECK(run(DeviceStatus{state, true, true, false}, {DeviceAction::report_lost}).state == DeviceState::lost);
    }
    CHECK(refusal_code(in(DeviceState::received), DeviceAction::report_lost) == "invalid_transition");
    CHECK(refusal_code(in(DeviceState::in_service), DeviceAction::report_lost) == "invalid_transition");

    DeviceStatus lost = run(available, {DeviceAction::report_lost});
    CHECK(refusal_code(lost, DeviceAction::deliver) == "device_lost");
    CHECK(refusal_code(lost, DeviceAction::pass_inspection) == "device_lost");
    DeviceStatus found = run(lost, {DeviceAction::report_found});
    CHECK(found.state == DeviceState::returned);
    CHECK_FALSE(found.cleaned);
    CHECK_FALSE(found.inspected);
    CHECK(refusal_code(available, DeviceAction::report_found) == "device_not_lost");
}

TEST_CASE("a refused move names the state the device is in") {
    Transition step = apply(in(DeviceState::in_service), DeviceAction::reserve);
    REQUIRE(step.refusal);
    CHECK(step.refusal->message.find("in service") != std::string::npos);
    Transition on_loan = apply(DeviceStatus{DeviceState::on_loan, true, true, false}, DeviceAction::deliver);
    REQUIRE(on_loan.refusal);
    CHECK(on_loan.refusal->message.find("on loan") != std::string::npos);
}

TEST_CASE("a device out of service must be cleaned again before it returns to stock") {
    DeviceStatus clean_stock{DeviceState::available, true, true, false};
    auto opened = apply(clean_stock, DeviceAction::open_service);
    REQUIRE(opened.next);
    CHECK_FALSE(opened.next->cleaned);
    auto failed = apply(clean_stock, DeviceAction::fail_inspection);
    REQUIRE(failed.next);
    CHECK(failed.next->state == DeviceState::in_service);
    CHECK_FALSE(failed.next->cleaned);
}

TEST_CASE("a device with no electrical-safety inspection becomes available once it is cleaned") {
    DeviceStatus received{DeviceState::received, false, false, false};
    auto cleaned = apply(received, DeviceAction::record_cleaning, false);
    REQUIRE(cleaned.next);
    CHECK(cleaned.next->state == DeviceState::available);
    CHECK(apply(received, DeviceAction::record_cleaning, true).next->state == DeviceState::received);
    DeviceStatus serviced{DeviceState::in_service, true, false, false};
    CHECK(apply(serviced, DeviceAction::close_service, false).next->state == DeviceState::available);
    CHECK(apply(serviced, DeviceAction::close_service, true).refusal->code == "service_needs_inspection");
}

TEST_CASE("a device in service without a service order can have one opened") {
    DeviceStatus failed = run(available, {DeviceAction::fail_inspection});
    REQUIRE(failed.state == DeviceState::in_service);
    CHECK(run(failed, {DeviceAction::open_service}) == failed);   // the order is recorded; the state stays
    CHECK(failed_inspection_opens_service_order(DeviceState::available));
    CHECK(failed_inspection_opens_service_order(DeviceState::reserved));
    CHECK_FALSE(failed_inspection_opens_service_order(DeviceState::on_loan));
}

TEST_CASE("a picked device that fails its inspection loses its reservation") {
    DeviceStatus picked = run(available, {DeviceAction::reserve});
    DeviceStatus failed = run(picked, {DeviceAction::fail_inspection});
    CHECK(failed.state == DeviceState::in_service);
    CHECK(reservation_lapses(failed.state));
    CHECK_FALSE(reservation_lapses(DeviceState::reserved));
}

TEST_CASE("a missing step is a rule refusal, a state someone else made is a conflict") {
    // An uninspected device in `received` is not ready yet: the worker's next step (422), not a race (409).
    CHECK(refusal_code(in(DeviceState::received), DeviceAction::reserve) == "device_not_available");
    CHECK(refusal_kind("device_not_available", DeviceState::received) == RefusalKind::refused);
    CHECK(refusal_kind("device_not_available", DeviceState::returned) == RefusalKind::refused);
    CHECK(refusal_kind("clean_before_inspection", DeviceState::received) == RefusalKind::refused);
    CHECK(refusal_kind("service_needs_inspection", DeviceState::in_service) == RefusalKind::refused);
    CHECK(refusal_kind("device_not_available", DeviceState::reserved) == RefusalKind::conflict);
    CHECK(refusal_kind("device_not_on_loan", DeviceState::available) == RefusalKind::conflict);
    CHECK(refusal_kind("device_retired", DeviceState::retired) == RefusalKind::conflict);
}

namespace {

// Breadth-first over the moves a worker can make without ending the device's life (no retire,
// no report_lost): can `from` reach the shelf?
bool reaches_available(DeviceStatus from, bool electrical) {
    std::vector<DeviceStatus> seen{from}, queue{from};
    for (std::size_t i = 0; i < queue.size(); ++i) {
        if (queue[i].state == DeviceState::available) return true;
        for (int a = 0; a <= static_cast<int>(DeviceAction::report_found); ++a) {
            const auto action = static_cast<DeviceAction>(a);
            if (action == DeviceAction::retire || action == DeviceAction::report_lost) continue;
            auto step = apply(queue[i], action, electrical);
            if (!step.next || std::find(seen.begin(), seen.end(), *step.next) != seen.end()) continue;
            seen.push_back(*step.next);
            queue.push_back(*step.next);
        }
    }
    return false;
}

}  // namespace

TEST_CASE("every state of the device lifecycle leads back to available or is an end state") {
    const auto all_states = {DeviceState::received, DeviceState::available, DeviceState::reserved,
                             DeviceState::on_loan,  DeviceState::returned,  DeviceState::in_service,
                             DeviceState::retired,  DeviceState::lost};
    for (bool electrical : {true, false}) {
        for (auto state : all_states) {
            for (int flags = 0; flags < 8; ++flags) {   // every combination of cleaned, inspected, inspection_failed
                DeviceStatus status{state, (flags & 1) != 0, (flags & 2) != 0, (flags & 4) != 0};
                INFO(to_string(state) << " flags " << flags << (electrical ? " electrical" : " non-electrical"));
                if (state == DeviceState::retired) {   // the end state: it accepts nothing
                    for (int a = 0; a <= static_cast<int>(DeviceAction::report_found); ++a)
                        CHECK_FALSE(apply(status, static_cast<DeviceAction>(a), electrical).next);
                    continue;
                }
                CHECK(reaches_available(status, electrical));
                // And every state can also be ended for good (written off).
                auto ended = apply(state == DeviceState::on_loan ? run(status, {DeviceAction::take_return}) : status,
                                   DeviceAction::retire, electrical);
                CHECK((ended.next && ended.next->state == DeviceState::retired));
            }
        }
    }
}
