// Proves the complaint rules (pasient- og brukerrettighetsloven § 7-2): the four-week deadline from the
// decision's complaint right, the order received -> reassessed -> forwarded -> decided, and reversals.
#include <catch2/catch.hpp>

#include "shared/cases/complaint.h"

using namespace bhm;

namespace {
const Date decided{2026, 11, 2};
ComplaintReceipt receipt(Date received_on) {
    return ComplaintReceipt{decided, false, received_on, "wants a quieter device", Date{2026, 12, 31}};
}
}  // namespace

TEST_CASE("a complaint within four weeks of the decision is recorded as in time") {
    auto timing = complaint_timing(decided, Date{2026, 11, 30});
    CHECK(timing.deadline == complaint_right(decided).deadline);
    CHECK(timing.deadline == Date{2026, 11, 30});
    CHECK(timing.within_deadline);
    CHECK(timing.days_late == 0);
}

TEST_CASE("a complaint after the four-week deadline is recorded as late") {
    auto timing = complaint_timing(decided, Date{2026, 12, 3});
    CHECK_FALSE(timing.within_deadline);
    CHECK(timing.days_late == 3);
}

TEST_CASE("a complaint needs a decision, a date between the decision and today, and a summary") {
    CHECK_FALSE(check_complaint_receipt(receipt(Date{2026, 11, 10})));
    auto undecided = receipt(Date{2026, 11, 10});
    undecided.decided_on.reset();
    CHECK(check_complaint_receipt(undecided)->code == "case_not_decided");
    CHECK(check_complaint_receipt(receipt(Date{2026, 11, 1}))->code == "complaint_before_decision");
    CHECK(check_complaint_receipt(receipt(Date{2027, 1, 1}))->code == "complaint_in_future");
    auto blank = receipt(Date{2026, 11, 10});
    blank.summary = " ";
    CHECK(check_complaint_receipt(blank)->code == "complaint_summary_missing");
    auto open = receipt(Date{2026, 11, 10});
    open.complaint_open = true;
    CHECK(check_complaint_receipt(open)->code == "complaint_already_open");
    CHECK(check_complaint_receipt(blank)->rule == "pasient- og brukerrettighetsloven § 7-2");
}

TEST_CASE("the unit's reassessment may reverse a decision whatever the case's state") {
    Reassessment r{ComplaintStatus::received, CaseStatus::rejected, true, "new information from the doctor"};
    CHECK_FALSE(check_reassessment(r));
    CHECK(after_reassessment(true) == ComplaintStatus::reversed);
    r.case_status = CaseStatus::delivered;
    CHECK_FALSE(check_reassessment(r));
    r.reverse = false;   // keeping the decision is possible whatever the case's state
    CHECK_FALSE(check_reassessment(r));
    CHECK(after_reassessment(false) == ComplaintStatus::upheld);
    r.grounds = "";
    CHECK(check_reassessment(r)->code == "reassessment_grounds_missing");
    r.grounds = "x";
    r.status = ComplaintStatus::upheld;
    CHECK(check_reassessment(r)->code == "complaint_not_awaiting_reassessment");
}

TEST_CASE("a complaint goes to Statsforvalteren only after the unit kept its decision") {
    const Date reassessed{2026, 11, 20}, today{2026, 12, 1};
    CHECK_FALSE(check_forwarding(ComplaintStatus::upheld, reassessed, Date{2026, 11, 21}, today));
    CHECK(check_forwarding(ComplaintStatus::received, reassessed, Date{2026, 11, 21}, today)->code ==
          "complaint_not_upheld");
    CHECK(check_forwarding(ComplaintStatus::reversed, reassessed, Date{2026, 11, 21}, today)->code ==
          "complaint_not_upheld");
    CHECK(check_forwarding(ComplaintStatus::upheld, reassessed, Date{2026, 11, 19}, today)->code ==
          "forwarding_before_reassessment");
    CHECK(check_forwarding(ComplaintStatus::upheld, reassessed, Date{2026, 12, 2}, today)->code ==
          "forwarding_in_future");
}

TEST_CASE("complaint_already_forwarded and complaint_already_decided: a repeated step is a repeat, not a rule") {
    const Date reassessed{2026, 11, 20}, today{2026, 12, 1};
    auto again = check_forwarding(ComplaintStatus::forwarded, reassessed, Date{2026, 11, 21}, today);
    REQUIRE(again);
    CHECK(again->code == "complaint_already_forwarded");
    CHECK(is_repeat(*again));
    CHECK(check_forwarding(ComplaintStatus::decided, reassessed, Date{2026, 11, 21}, today)->code ==
          "complaint_already_forwarded");
    OutcomeInput input{ComplaintStatus::decided, CaseStatus::approved, ComplaintOutcome::reversed,
                       Date{2026, 11, 21}, Date{2026, 12, 1}, Date{2026, 12, 1}, "again"};
    auto decided = check_outcome(input);
    REQUIRE(decided);
    CHECK(decided->code == "complaint_already_decided");
    CHECK(is_repeat(*decided));
    CHECK_FALSE(is_repeat(*check_forwarding(ComplaintStatus::received, reassessed, Date{2026, 11, 21}, today)));
}

TEST_CASE("Statsforvalteren's outcome is recorded for a forwarded complaint, sent back means a new assessment") {
    OutcomeInput input{ComplaintStatus::forwarded, CaseStatus::rejected, ComplaintOutcome::reversed,
                       Date{2026, 11, 21}, Date{2026, 12, 1}, Date{2026, 12, 1}, "the criteria are met"};
    CHECK_FALSE(check_outcome(input));
    CHECK(after_outcome(ComplaintOutcome::reversed) == ComplaintStatus::decided);
    CHECK(after_outcome(ComplaintOutcome::upheld) == ComplaintStatus::decided);
    CHECK(after_outcome(ComplaintOutcome::sent_back) == ComplaintStatus::received);
    auto early = input;
    early.decided_on = Date{2026, 11, 20};
    CHECK(check_outcome(early)->code == "outcome_before_forwarding");
    auto future = input;
    future.decided_on = Date{2026, 12, 2};
    CHECK(check_outcome(future)->code == "outcome_in_future");
    auto not_forwarded = input;
    not_forwarded.status = ComplaintStatus::upheld;
    CHECK(check_outcome(not_forwarded)->code == "complaint_not_forwarded");
    auto no_grounds = input;
    no_grounds.grounds = "";
    CHECK(check_outcome(no_grounds)->code == "outcome_grounds_missing");
    for (auto status : {CaseStatus::delivered, CaseStatus::closed, CaseStatus::own_equipment}) {
        auto late = input;   // Statsforvalteren's outcome is recorded whatever the case's state
        late.case_status = status;
        CHECK_FALSE(check_outcome(late));
    }
}

TEST_CASE("a reversal sends a refused case back to the delivery queue and never tears down a loan") {
    auto rejected = reversal_effect(CaseStatus::rejected, false);
    CHECK(rejected.approved);
    CHECK(rejected.case_status == CaseStatus::approved);
    auto approved = reversal_effect(CaseStatus::approved, true);
    CHECK_FALSE(approved.approved);
    CHECK(approved.case_status == CaseStatus::rejected);
    CHECK_FALSE(approved.loan_stays);

    auto closed_refused = reversal_effect(CaseStatus::closed, false);   // its loan ended under a refusal
    CHECK(closed_refused.approved);
    CHECK(closed_refused.case_status == CaseStatus::approved);
    auto closed_approved = reversal_effect(CaseStatus::closed, true);   // returned already: nothing is out
    CHECK_FALSE(closed_approved.approved);
    CHECK(closed_approved.case_status == CaseStatus::closed);

    auto delivered = reversal_effect(CaseStatus::delivered, true);
    CHECK_FALSE(delivered.approved);
    CHECK(delivered.case_status == CaseStatus::delivered);   // the device stays at the patient's
    CHECK(delivered.loan_stays);
    CHECK(loan_against_decision(delivered.case_status, delivered.approved));
    CHECK_FALSE(loan_against_decision(CaseStatus::delivered, true));
    CHECK_FALSE(loan_against_decision(CaseStatus::closed, false));

    auto own = reversal_effect(CaseStatus::own_equipment, true);
    CHECK(own.case_status == CaseStatus::own_equipment);
    CHECK_FALSE(own.approved);
}
