// Proves the delivery gate: a device leaves only for an approved, journaled case, in its category, inspected,
// with site documentation where required, manual, training and fitting, and every missing piece is listed.
#include <catch2/catch.hpp>

#include <algorithm>

#include "delivery_fixture.h"
#include "shared/inspection/iec62353.h"
#include "shared/loans/delivery.h"
#include "shared/loans/reservation.h"

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
    c.today = Date{2025, 2, 28};  // the day before it is due: still valid
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
    CHECK_FALSE(check_site_check({"Elektro Nord AS", Date{2024, 5, 20}, "EL-2024-118", ""}, today));
    CHECK_FALSE(check_site_check({"Elektro Nord AS", today, "EL-2024-118", ""}, today));
    CHECK(check_site_check({"", Date{2024, 5, 20}, "EL-2024-118", ""}, today)->code == "site_check_incomplete");
    CHECK(check_site_check({"Elektro Nord AS", Date{2024, 5, 20}, " ", ""}, today)->code == "site_check_incomplete");
    auto future = check_site_check({"Elektro Nord AS", Date{2024, 6, 2}, "EL-2024-118", ""}, today);
    REQUIRE(future);
    CHECK(future->code == "site_check_in_future");
    CHECK(future->rule.find("FOR-2013-11-29-1373") != std::string::npos);
}

TEST_CASE("a delivery on the inspection's due date is refused") {
    DeliveryCheck c = ready();
    c.today = *c.inspection_due_on;
    CHECK(codes(c) == only("inspection_overdue"));
    // The same definition the technicians' due list uses: due on the day itself.
    CHECK(inspection_due(c.inspection_due_on, c.today));
    CHECK_FALSE(inspection_due(c.inspection_due_on, add_days(c.today, -1)));
}

TEST_CASE("training recorded with nobody named is refused") {
    DeliveryCheck c = ready();
    c.trained_who = " ";
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "training_not_named");
    CHECK(reasons[0].message.find("patient") != std::string::npos);
    c.trained_who = "home care nurse Kari Nordmann";
    CHECK(check_delivery(c).empty());
}

TEST_CASE("delivering a second device while another is picked for the case is refused") {
    DeliveryCheck c = ready();
    c.other_device_picked = "BHM0000240D";
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].code == "other_device_picked");
    CHECK(reasons[0].message.find("BHM0000240D") != std::string::npos);
}

namespace {

// A delivery recorded afterwards: 2024-05-20 10:00 UTC, device and paperwork ready well before.
DeliveryCheck back_dated() {
    DeliveryCheck c = ready();
    c.delivered_at = *parse_iso_timestamp("2024-05-20T10:00:00Z");
    c.device_received_at = *parse_iso_timestamp("2024-01-10T08:00:00Z");
    c.inspections = {InspectionFact{*parse_iso_timestamp("2024-01-11T09:00:00Z"), true, Date{2025, 1, 11}}};
    c.journal_note_written_at = *parse_iso_timestamp("2024-05-19T12:00:00Z");
    c.site_check_on = Date{2024, 5, 1};
    return c;
}

}  // namespace

TEST_CASE("a delivery is judged as of its delivery time: device received, inspected and not due then") {
    CHECK(check_delivery(back_dated()).empty());

    DeliveryCheck c = back_dated();
    c.device_received_at = *parse_iso_timestamp("2024-05-25T08:00:00Z");   // received after the delivery
    CHECK(codes(c) == only("device_not_yet_received"));

    c = back_dated();   // inspected only after the delivery time (today's state is fine)
    c.inspections = {InspectionFact{*parse_iso_timestamp("2024-05-25T09:00:00Z"), true, Date{2025, 5, 25}}};
    CHECK(codes(c) == only("inspection_missing_at_delivery"));

    c = back_dated();   // the inspection in force then had failed
    c.inspections.push_back(InspectionFact{*parse_iso_timestamp("2024-03-01T09:00:00Z"), false, Date{2024, 3, 1}});
    CHECK(codes(c) == only("inspection_missing_at_delivery"));

    c = back_dated();   // passed then, but due on the delivery date
    c.inspections = {InspectionFact{*parse_iso_timestamp("2023-05-20T09:00:00Z"), true, Date{2024, 5, 20}}};
    CHECK(codes(c) == only("inspection_due_at_delivery"));
}

TEST_CASE("a delivery is judged as of its delivery time: journal note and site check existed then") {
    DeliveryCheck c = back_dated();
    c.journal_note_written_at = *parse_iso_timestamp("2024-05-21T08:00:00Z");
    CHECK(codes(c) == only("journal_note_after_delivery"));

    c = back_dated();
    c.site_check_on = Date{2024, 5, 21};
    CHECK(codes(c) == only("site_check_after_delivery"));
}

TEST_CASE("a pick (reservation) is judged now, without the handover items") {
    DeliveryCheck c = back_dated();
    c.trained_who.clear();
    c.device_received_at = *parse_iso_timestamp("2030-01-01T00:00:00Z");
    CHECK(check_reservation(c).empty());
}

TEST_CASE("a site check must cover the patient's current address") {
    SiteCheck check{"Elektro AS", Date{2026, 1, 10}, "EL-1", "Storgata 1, Tromsø"};
    const Date today{2026, 12, 2};
    CHECK_FALSE(check_site_check(check, "storgata 1 tromsø", 5, today));
    auto refusal = check_site_check(check, "Fjellveien 9, Tromsø", 5, today);
    REQUIRE(refusal);
    CHECK(refusal->code == "site_check_wrong_address");
}

TEST_CASE("a site check older than the unit's setting is refused, and the refusal names the setting as the unit's policy") {
    const Date today{2026, 12, 2};
    SiteCheck old{"Elektro AS", Date{1960, 1, 1}, "EL-1960", "Storgata 1"};
    auto refusal = check_site_check(old, "Storgata 1", default_site_check_max_years, today);
    REQUIRE(refusal);
    CHECK(refusal->code == "site_check_too_old");
    CHECK(refusal->message.find("BHM_SITE_CHECK_MAX_YEARS") != std::string::npos);
    CHECK(refusal->message.find("unit's own policy") != std::string::npos);
    CHECK(refusal->message.find("5 years") != std::string::npos);
    SiteCheck edge{"Elektro AS", Date{2021, 12, 2}, "EL-2021", "Storgata 1"};   // exactly five years
    CHECK_FALSE(check_site_check(edge, "Storgata 1", 5, today));
    CHECK(check_site_check(edge, "Storgata 1", 2, today)->code == "site_check_too_old");
}

TEST_CASE("only a site check for the current address, young enough and not superseded, is in force") {
    const Date on{2026, 12, 2};
    std::vector<RecordedSiteCheck> checks{
        {{"Elektro AS", Date{2026, 1, 10}, "EL-1", "Storgata 1"}, true},        // corrected later
        {{"Elektro AS", Date{2026, 2, 10}, "EL-2", "Storgata 1"}, false},
        {{"Elektro AS", Date{2026, 3, 10}, "EL-3", "Fjellveien 9"}, false},     // the old address
    };
    CHECK(site_check_in_force(checks, "Storgata 1", 5, on) == Date{2026, 2, 10});
    CHECK_FALSE(site_check_in_force(checks, "Hamnvegen 4", 5, on));
    CHECK_FALSE(site_check_in_force(checks, "Storgata 1", 5, Date{2032, 1, 1}));   // too old by then
}

TEST_CASE("a missing site check at delivery names the unit's setting") {
    DeliveryCheck c = ready();
    c.site_check_documented = false;
    c.site_check_max_years = 5;
    auto reasons = check_delivery(c);
    REQUIRE(reasons.size() == 1);
    CHECK(reasons[0].message.find("BHM_SITE_CHECK_MAX_YEARS") != std::string::npos);
}
