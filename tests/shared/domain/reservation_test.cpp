// Tests for picking a device for a case (reservation) and the own-equipment exception.
#include <catch2/catch.hpp>

#include "delivery_fixture.h"
#include "shared/loans/reservation.h"

using namespace bhm;

namespace {
// Ready in every way except the handover items, which are recorded only at delivery.
DeliveryCheck ready_to_pick() {
    DeliveryCheck c = bhm::testing::ready_delivery();
    c.journal_note_recorded = false;
    c.site_check_documented = false;
    c.manual_included = false;
    c.training_recorded = false;
    c.fitted_and_tested = false;
    return c;
}
bool has(const std::vector<Refusal>& rs, const std::string& code) {
    for (const auto& r : rs) if (r.code == code) return true;
    return false;
}
}  // namespace

TEST_CASE("a device may be picked for an approved case before the handover items are recorded") {
    CHECK(check_reservation(ready_to_pick()).empty());
}

TEST_CASE("an uninspected device may not be picked for a case") {
    auto c = ready_to_pick();
    c.inspection_passed = false;
    CHECK(has(check_reservation(c), "inspection_missing"));
}

TEST_CASE("a device may not be picked for a case of another category or an unapproved case") {
    auto c = ready_to_pick();
    c.device_category = "cpap";
    c.case_status = CaseStatus::applied;
    auto reasons = check_reservation(c);
    CHECK(has(reasons, "wrong_category"));
    CHECK(has(reasons, "case_not_approved"));
}

TEST_CASE("a device reserved for another case may not be picked again") {
    auto c = ready_to_pick();
    c.device_state = DeviceState::reserved;
    CHECK(has(check_reservation(c), "device_not_available"));
    c.reserved_for_this_case = true;
    CHECK(check_reservation(c).empty());
}

TEST_CASE("only a palliative case not yet delivered may be recorded on the institution's own equipment") {
    CHECK_FALSE(check_own_equipment_allowed(true, CaseStatus::applied));
    CHECK_FALSE(check_own_equipment_allowed(true, CaseStatus::approved));
    CHECK(check_own_equipment_allowed(false, CaseStatus::approved)->code == "own_equipment_not_palliative");
    CHECK(check_own_equipment_allowed(true, CaseStatus::delivered)->code == "own_equipment_too_late");
    CHECK(check_own_equipment_allowed(true, CaseStatus::rejected)->code == "own_equipment_too_late");
}

TEST_CASE("a case on the institution's own equipment gets none of our devices") {
    CHECK(check_not_own_equipment(true)->code == "own_equipment");
    CHECK_FALSE(check_not_own_equipment(false));
}

TEST_CASE("a case already ended on the institution's own equipment is not recorded again") {
    CHECK(check_own_equipment_allowed(true, CaseStatus::own_equipment)->code == "own_equipment_already");
}
