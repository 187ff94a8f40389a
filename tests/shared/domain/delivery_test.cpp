// Proves the delivery gate: a device leaves only for an approved, journaled case, in its category, inspected,
// with site documentation where required, manual, training and fitting, and every missing piece is listed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "delivery_fixture.h"
#include "shared/loans/delivery.h"

using namespace bhm;

namespace {

DeliveryCheck ready() { return bhm::testing::ready_delivery(); }

std::vector<std::string> codes(const DeliveryCheck& c) {
    std::vector<std::string> out;
    for (const Refusal& r : check_delivery(c)) out.push_back(r.code);
    return out;
}

std::vector<std::string> only(const std::string& code) { return {code}; }

}  // namespace

TEST_CASE("a fully prepared delivery is allowed") { CHECK(check_delivery(ready()).empty()); }

TEST_CASE("delivery is refused unless the case is approved") {
    for (auto status : {CaseStatus::applied, CaseStatus::rejected, CaseStatus::delivered, CaseStatus::closed}) {
        DeliveryCheck c = ready();
        c.case_status = status;
        CHECK(codes(c) == only("case_not_approved"));
    }
}

TEST_CASE("delivery is refused until the doctor has documented the assignment in the record") {
    DeliveryCheck c = ready();
    c.journal_note_recorded = false;
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "journal_note_missing");
    CHECK(reasons[0].rule == "Prosedyre pkt. 7");
}

TEST_CASE("a device reserved for another case is not available for delivery") {
    DeliveryCheck c = ready();
    c.device_state = DeviceState::reserved;
    c.reserved_for_this_case = false;
    CHECK(codes(c) == only("device_not_available"));
    c.reserved_for_this_case = true;
    CHECK(check_delivery(c).empty());
}

TEST_CASE("a device that is not on the shelf cannot be delivered") {
    for (auto state : {DeviceState::received, DeviceState::on_loan, DeviceState::returned, DeviceState::in_service,
                       DeviceState::retired, DeviceState::lost}) {
        DeliveryCheck c = ready();
        c.device_state = state;
        INFO(to_string(state));
        CHECK(codes(c) == only("device_not_available"));
    }
}

TEST_CASE("a device of another category than the case is refused") {
    DeliveryCheck c = ready();
    c.device_category = "cpap";
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "wrong_category");
    CHECK(reasons[0].message.find("Oxygen concentrator") != std::string::npos);
}

TEST_CASE("an electrical device needs a passed inspection that is not overdue") {
    DeliveryCheck c = ready();
    c.inspection_passed = false;
    CHECK(codes(c) == only("inspection_missing"));

    c = ready();
    c.today = Date{2025, 3, 1};  // due today: still valid
    CHECK(check_delivery(c).empty());
    c.today = Date{2025, 3, 2};
    CHECK(codes(c) == only("inspection_overdue"));

    c = ready();
    c.inspection_due_on.reset();
    CHECK(codes(c) == only("inspection_overdue"));
}

TEST_CASE("a non-electrical device is delivered without an inspection") {
    DeliveryCheck c = ready();
    c.device_category = c.case_category = "compression_garment";
    c.device_electrical = false;
    c.site_check_required = false;
    c.inspection_passed = false;
    c.inspection_due_on.reset();
    CHECK(check_delivery(c).empty());
}

TEST_CASE("delivery is refused without site documentation where the category requires it") {
    DeliveryCheck c = ready();
    c.site_check_documented = false;
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "site_check_missing");
    CHECK(reasons[0].rule.find("FOR-2013-11-29-1373 § 9") != std::string::npos);
    CHECK(reasons[0].rule.find("§ 16") != std::string::npos);

    c.site_check_required = false;
    CHECK(check_delivery(c).empty());
}

TEST_CASE("the user manual must follow every device") {
    DeliveryCheck c = ready();
    c.manual_included = false;
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "manual_missing");
    CHECK(reasons[0].rule == "Prosedyre pkt. 11");
}

TEST_CASE("delivery is refused until training is recorded") {
    DeliveryCheck c = ready();
    c.training_recorded = false;
    CHECK(codes(c) == only("training_missing"));
}

TEST_CASE("a device not fitted and tested is delivered only with a recorded reason") {
    DeliveryCheck c = ready();
    c.fitted_and_tested = false;
    CHECK(codes(c) == only("not_fitted"));
    c.not_fitted_reason = "   ";
    CHECK(codes(c) == only("not_fitted"));
    c.not_fitted_reason = "Patient discharged at night; fitting done at home by the unit's engineer";
    CHECK(check_delivery(c).empty());
}

TEST_CASE("every failing delivery reason is listed at once") {
    DeliveryCheck c = ready();
    c.case_status = CaseStatus::applied;
    c.journal_note_recorded = false;
    c.device_state = DeviceState::in_service;
    c.device_category = "cpap";
    c.inspection_passed = false;
    c.site_check_documented = false;
    c.manual_included = false;
    c.training_recorded = false;
    c.fitted_and_tested = false;
    auto found = codes(c);
    std::sort(found.begin(), found.end());
    CHECK(found == std::vector<std::string>{"case_not_approved", "device_not_available", "inspection_missing",
                                            "journal_note_missing", "manual_missing", "not_fitted",
                                            "site_check_missing", "training_missing", "wrong_category"});
}

TEST_CASE("a site check document needs who, when and a reference, and cannot be in the future") {
    const Date today{2024, 6, 1};
    CHECK_FALSE(check_site_check({"Elektro Nord AS", Date{2024, 5, 20}, "EL-2024-118"}, today));
    CHECK_FALSE(check_site_check({"Elektro Nord AS", today, "EL-2024-118"}, today));
    CHECK(check_site_check({"", Date{2024, 5, 20}, "EL-2024-118"}, today)->code == "site_check_incomplete");
    CHECK(check_site_check({"Elektro Nord AS", Date{2024, 5, 20}, " "}, today)->code == "site_check_incomplete");
    auto future = check_site_check({"Elektro Nord AS", Date{2024, 6, 2}, "EL-2024-118"}, today);
    REQUIRE(future);
    CHECK(future->code == "site_check_in_future");
    CHECK(future->rule.find("FOR-2013-11-29-1373") != std::string::npos);
}
