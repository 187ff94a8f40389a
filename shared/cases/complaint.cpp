// Complaint handling rules: the deadline from the decision's complaint right, the order of the steps
// (received, reassessed, forwarded, decided), and what a reversal does to the case.
#include "shared/cases/complaint.h"

#include <array>
#include <utility>

#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr std::array<std::pair<ComplaintStatus, std::string_view>, 5> status_names{{
    {ComplaintStatus::received, "received"},
    {ComplaintStatus::reversed, "reversed"},
    {ComplaintStatus::upheld, "upheld"},
    {ComplaintStatus::forwarded, "forwarded"},
    {ComplaintStatus::decided, "decided"},
}};

constexpr std::array<std::pair<ComplaintOutcome, std::string_view>, 3> outcome_names{{
    {ComplaintOutcome::upheld, "upheld"},
    {ComplaintOutcome::reversed, "reversed"},
    {ComplaintOutcome::sent_back, "sent_back"},
}};

bool is_done(ComplaintStatus status) {
    return status == ComplaintStatus::reversed || status == ComplaintStatus::decided;
}

}  // namespace

std::string to_string(ComplaintStatus status) {
    for (const auto& [candidate, name] : status_names)
        if (candidate == status) return std::string(name);
    return "unknown";
}

std::optional<ComplaintStatus> parse_complaint_status(std::string_view text) {
    for (const auto& [status, name] : status_names)
        if (name == text) return status;
    return std::nullopt;
}

std::string to_string(ComplaintOutcome outcome) {
    for (const auto& [candidate, name] : outcome_names)
        if (candidate == outcome) return std::string(name);
    return "unknown";
}

std::optional<ComplaintOutcome> parse_complaint_outcome(std::string_view text) {
    for (const auto& [outcome, name] : outcome_names)
        if (name == text) return outcome;
    return std::nullopt;
}

ComplaintTiming complaint_timing(Date decided_on, Date received_on) {
    const Date deadline = complaint_right(decided_on).deadline;
    const int late = days_between(deadline, received_on);
    return ComplaintTiming{deadline, late <= 0, late > 0 ? late : 0};
}

std::optional<Refusal> check_complaint_receipt(const ComplaintReceipt& receipt) {
    if (!receipt.decided_on) {
        return Refusal{"case_not_decided", "There is no decision on this case yet, so there is nothing to complain about.",
                       complaint_source};
    }
    if (receipt.complaint_open) {
        return Refusal{"complaint_already_open",
                       "A complaint on this case is still being handled; add to that one instead.", complaint_source};
    }
    if (receipt.received_on < *receipt.decided_on) {
        return Refusal{"complaint_before_decision",
                       "The complaint cannot have come in before the decision (" + to_iso(*receipt.decided_on) + ").",
                       complaint_source};
    }
    if (receipt.received_on > receipt.today) {
        return Refusal{"complaint_in_future", "The date the complaint came in cannot be in the future.",
                       complaint_source};
    }
    if (is_blank(receipt.summary)) {
        return Refusal{"complaint_summary_missing", "Write in a few words what the complaint is about.",
                       complaint_source};
    }
    return std::nullopt;
}

std::optional<Refusal> check_reassessment(const Reassessment& reassessment) {
    if (reassessment.status != ComplaintStatus::received) {
        return Refusal{"complaint_not_awaiting_reassessment",
                       "This complaint has already been reassessed (it is " + to_string(reassessment.status) + ").",
                       complaint_procedure_source};
    }
    if (is_blank(reassessment.grounds)) {
        return Refusal{"reassessment_grounds_missing",
                       "Write the grounds for the reassessment; the patient must be told why.",
                       complaint_procedure_source};
    }
    return std::nullopt;
}

std::optional<Refusal> check_forwarding(ComplaintStatus status, Date reassessed_on, Date forwarded_on, Date today) {
    if (status == ComplaintStatus::forwarded || status == ComplaintStatus::decided) {
        return Refusal{"complaint_already_forwarded",
                       "This complaint is " + to_string(status) + "; it has already gone to Statsforvalteren.",
                       complaint_procedure_source};
    }
    if (status != ComplaintStatus::upheld) {
        return Refusal{"complaint_not_upheld",
                       is_done(status) ? "This complaint is " + to_string(status) + "; it does not go to Statsforvalteren."
                                       : "Reassess the complaint first; it goes to Statsforvalteren only if the unit "
                                         "keeps its decision.",
                       complaint_procedure_source};
    }
    if (forwarded_on < reassessed_on) {
        return Refusal{"forwarding_before_reassessment",
                       "The complaint cannot have been forwarded before the unit reassessed it (" +
                           to_iso(reassessed_on) + ").",
                       complaint_procedure_source};
    }
    if (forwarded_on > today) {
        return Refusal{"forwarding_in_future", "The forwarding date cannot be in the future.", complaint_procedure_source};
    }
    return std::nullopt;
}

std::optional<Refusal> check_outcome(const OutcomeInput& input) {
    if (input.status == ComplaintStatus::decided) {
        return Refusal{"complaint_already_decided", "Statsforvalteren's outcome on this complaint is already recorded.",
                       complaint_procedure_source};
    }
    if (input.status != ComplaintStatus::forwarded) {
        return Refusal{"complaint_not_forwarded",
                       "Statsforvalteren's outcome can be recorded only for a complaint that was forwarded there.",
                       complaint_procedure_source};
    }
    if (input.decided_on < input.forwarded_on) {
        return Refusal{"outcome_before_forwarding",
                       "Statsforvalteren cannot have decided before the complaint was forwarded (" +
                           to_iso(input.forwarded_on) + ").",
                       complaint_procedure_source};
    }
    if (input.decided_on > input.today) {
        return Refusal{"outcome_in_future", "The date of Statsforvalteren's decision cannot be in the future.",
                       complaint_procedure_source};
    }
    if (is_blank(input.grounds)) {
        return Refusal{"outcome_grounds_missing", "Summarise Statsforvalteren's grounds.", complaint_procedure_source};
    }
    return std::nullopt;
}

bool is_repeat(const Refusal& refusal) {
    return refusal.code == "complaint_already_forwarded" || refusal.code == "complaint_already_decided";
}

ComplaintStatus after_reassessment(bool reverse) { return reverse ? ComplaintStatus::reversed : ComplaintStatus::upheld; }

ComplaintStatus after_outcome(ComplaintOutcome outcome) {
    return outcome == ComplaintOutcome::sent_back ? ComplaintStatus::received : ComplaintStatus::decided;
}

ReversalEffect reversal_effect(CaseStatus current, bool currently_approved) {
    const bool approve = !currently_approved;
    switch (current) {
        case CaseStatus::approved: return {false, CaseStatus::rejected, false};
        case CaseStatus::rejected: return {true, CaseStatus::approved, false};
        case CaseStatus::delivered: return {false, CaseStatus::delivered, true};
        case CaseStatus::closed: return {approve, approve ? CaseStatus::approved : CaseStatus::closed, false};
        case CaseStatus::own_equipment: return {approve, CaseStatus::own_equipment, false};
        case CaseStatus::applied: break;
    }
    return {approve, approve ? CaseStatus::approved : CaseStatus::rejected, false};
}

bool loan_against_decision(CaseStatus status, bool approved) { return status == CaseStatus::delivered && !approved; }

}  // namespace bhm
