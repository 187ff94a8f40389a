// A complaint about a decision (pasient- og brukerrettighetsloven § 7-2): it comes in to the unit, is
// recorded with whether it met the four-week deadline (§ 7-5; the deadline is complaint_right() in
// case_flow.h), is reassessed by the unit (which may reverse the decision: a new decision entry), and if the
// unit keeps its decision it is forwarded to Statsforvalteren, whose outcome is recorded. Pure rules only.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/cases/case_flow.h"
#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

// received -> reversed (the unit changed its decision; done)
//          -> upheld (the unit keeps it) -> forwarded -> decided (Statsforvalteren's outcome; done)
// An outcome "sent_back" (the decision set aside for a new assessment) puts it back to received.
enum class ComplaintStatus { received, reversed, upheld, forwarded, decided };
std::string to_string(ComplaintStatus status);
std::optional<ComplaintStatus> parse_complaint_status(std::string_view text);

enum class ComplaintOutcome { upheld, reversed, sent_back };   // Statsforvalteren's answer
std::string to_string(ComplaintOutcome outcome);
std::optional<ComplaintOutcome> parse_complaint_outcome(std::string_view text);

struct ComplaintTiming {
    Date deadline;
    bool within_deadline;
    int days_late;            // 0 when within the deadline
};
// A complaint received on the deadline day is in time. A late complaint is still recorded (and may be
// considered, forvaltningsloven § 31); it is not refused.
ComplaintTiming complaint_timing(Date decided_on, Date received_on);

inline constexpr const char* complaint_source = "pasient- og brukerrettighetsloven § 7-2";
inline constexpr const char* complaint_procedure_source =
    "pasient- og brukerrettighetsloven § 7-2, jf. § 7-6 og forvaltningsloven § 33";

struct ComplaintReceipt {
    std::optional<Date> decided_on;   // the current decision's date; none: the case is not decided
    bool complaint_open;              // another complaint on this case is still being handled
    Date received_on;
    std::string summary;
    Date today;
};
// Codes: case_not_decided, complaint_already_open, complaint_before_decision, complaint_in_future,
// complaint_summary_missing.
std::optional<Refusal> check_complaint_receipt(const ComplaintReceipt& receipt);

// The unit's reassessment. `reverse`: the decision is changed (approved <-> rejected), which is a new
// decision entry; otherwise the unit keeps it and the complaint must go to Statsforvalteren.
struct Reassessment {
    ComplaintStatus status;
    CaseStatus case_status;
    bool reverse;
    std::string grounds;
};
// Codes: complaint_not_awaiting_reassessment, reassessment_grounds_missing. A reversal is possible whatever
// the case's state: reversal_effect() says what it does.
std::optional<Refusal> check_reassessment(const Reassessment& reassessment);

// Codes: complaint_already_forwarded (a repeat), complaint_not_upheld (only a complaint the unit kept its decision on is forwarded),
// forwarding_before_reassessment, forwarding_in_future.
std::optional<Refusal> check_forwarding(ComplaintStatus status, Date reassessed_on, Date forwarded_on, Date today);

struct OutcomeInput {
    ComplaintStatus status;
    CaseStatus case_status;
    ComplaintOutcome outcome;
    Date forwarded_on, decided_on, today;
    std::string grounds;      // Statsforvalteren's grounds as summarised by the unit
};
// Codes: complaint_already_decided (a repeat), complaint_not_forwarded, outcome_before_forwarding, outcome_in_future,
// outcome_grounds_missing. Statsforvalteren's outcome is always recorded, whatever the case's state.
std::optional<Refusal> check_outcome(const OutcomeInput& input);

// A refusal that says the step was already done (a repeat: 409), not a rule broken (422).
bool is_repeat(const Refusal& refusal);

// The status after a complaint event.
ComplaintStatus after_reassessment(bool reverse);
ComplaintStatus after_outcome(ComplaintOutcome outcome);

// A reversal (the unit's reassessment or Statsforvalteren's outcome) flips the decision, and is always a new
// decision entry, never an edit. What it does to the case:
// - approved -> rejected (a picked device goes back to stock); rejected -> approved (into the delivery queue);
// - closed with a refusal in force (its loan ended) -> approved: back into the delivery queue;
// - closed with an approval in force: now refused, the case stays closed (nothing is out);
// - delivered: now refused, but the loan is not torn down: the device is at the patient's, and taking it
//   back is the unit's own step (the loan review's return). The case shows it (loan_against_decision);
// - own equipment: the decision flips, the case stays with the institution's own equipment.
struct ReversalEffect {
    bool approved;            // the new decision
    CaseStatus case_status;   // the case's status after it
    bool loan_stays;          // a device stays out on a case whose decision now refuses it
};
ReversalEffect reversal_effect(CaseStatus current, bool currently_approved);

// A delivered case whose decision in force refuses the device: the unit must review the loan.
bool loan_against_decision(CaseStatus status, bool approved);

}  // namespace bhm
