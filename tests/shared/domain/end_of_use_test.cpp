// Proves the rules for loans that end other than by a return: death, write-off, pick-up of a device still at
// the home, and home visits that leave the device where it is.
#include <catch2/catch.hpp>

#include "shared/loans/end_of_use.h"
#include "shared/loans/loan_end.h"

using namespace bhm;

TEST_CASE("a death is recorded once, with a date that is not in the future") {
    const Date today{2026, 12, 1};
    CHECK_FALSE(check_death_record(false, Date{2026, 11, 30}, today));
    CHECK_FALSE(check_death_record(false, today, today));
    CHECK(check_death_record(false, Date{2026, 12, 2}, today)->code == "death_in_future");
    CHECK(check_death_record(true, Date{2026, 11, 30}, today)->code == "death_already_recorded");
    CHECK(check_death_record(false, std::nullopt, today)->code == "death_date_missing");
}

TEST_CASE("a death closes the patient's applied, approved and delivered cases and leaves the others") {
    CHECK(case_status_after_death(CaseStatus::applied) == CaseStatus::closed);
    CHECK(case_status_after_death(CaseStatus::approved) == CaseStatus::closed);
    CHECK(case_status_after_death(CaseStatus::delivered) == CaseStatus::closed);
    CHECK_FALSE(case_status_after_death(CaseStatus::rejected));
    CHECK_FALSE(case_status_after_death(CaseStatus::closed));
}

TEST_CASE("a device is written off with a reason from any state but retired, also from the patient's home") {
    for (auto state : {DeviceState::available, DeviceState::on_loan, DeviceState::lost, DeviceState::in_service,
                       DeviceState::reserved, DeviceState::returned, DeviceState::received}) {
        auto t = write_off(DeviceStatus{state, true, true, false}, "broken beyond repair");
        REQUIRE(t.next);
        CHECK(t.next->state == DeviceState::retired);
        CHECK_FALSE(t.next->inspected);
    }
    CHECK(write_off(DeviceStatus{DeviceState::available}, "  ").refusal->code == "write_off_reason_missing");
    CHECK(write_off(DeviceStatus{DeviceState::retired}, "again").refusal->code == "device_retired");
}

TEST_CASE("a device whose loan ended by death is taken back only against an open pick-up task") {
    CHECK_FALSE(check_pickup_return(DeviceState::on_loan, true));
    CHECK(check_pickup_return(DeviceState::on_loan, false)->code == "device_not_on_loan");
    CHECK(check_pickup_return(DeviceState::available, true)->code == "device_not_on_loan");
}

TEST_CASE("a home visit is for a device at the patient's and says what was done") {
    CHECK_FALSE(check_home_visit(DeviceState::on_loan, "replaced filter"));
    CHECK(check_home_visit(DeviceState::available, "replaced filter")->code == "device_not_at_patient");
    CHECK(check_home_visit(DeviceState::on_loan, "")->code == "home_visit_work_missing");
}

TEST_CASE("lost, written off, returned, death and exchange are distinct loan ends") {
    for (auto end : {LoanEnd::returned, LoanEnd::lost, LoanEnd::written_off, LoanEnd::death, LoanEnd::exchanged})
        CHECK(parse_loan_end(to_string(end)) == end);
    CHECK(to_string(LoanEnd::lost) != to_string(LoanEnd::returned));
    CHECK_FALSE(parse_loan_end("gone"));
}
