// The application's status machine and the rules on decisions (procedure rule 6: grounds and the right to
// complain to Statsforvalteren), the journal note (rule 7) and the waiting times behind the quality goals.
#include "shared/cases/case_flow.h"

#include <array>
#include <utility>

#include "shared/core/norway_time.h"
#include "shared/core/text.h"
#include "shared/people/national_id.h"

namespace bhm {
namespace {

constexpr const char* decision_source = "pasient- og brukerrettighetsloven § 2-1 b, jf. § 7-2 (Prosedyre pkt. 6)";

constexpr std::array<std::pair<CaseStatus, std::string_view>, 6> status_names{{
    {CaseStatus::applied, "applied"},
    {CaseStatus::approved, "approved"},
    {CaseStatus::rejected, "rejected"},
    {CaseStatus::delivered, "delivered"},
    {CaseStatus::closed, "closed"},
    {CaseStatus::own_equipment, "own_equipment"},
}};

Refusal invalid_case_transition(CaseStatus current, std::string_view wanted) {
    return Refusal{"invalid_case_transition",
                   "This case cannot be " + std::string(wanted) + ": it is " + to_string(current) + ".", ""};
}

std::optional<int> span(Date from, std::optional<Date> to) {
    if (!to) return std::nullopt;
    const int days = days_between(from, *to);
    return days < 0 ? std::nullopt : std::optional<int>(days);
}

}  // namespace

std::string to_string(CaseStatus status) {
    for (const auto& [candidate, name] : status_names)
        if (candidate == status) return std::string(name);
    return "unknown";
}

std::optional<CaseStatus> parse_case_status(std::string_view text) {
    for (const auto& [status, name] : status_names)
        if (name == text) return status;
    return std::nullopt;
}

std::optional<Refusal> check_decision(CaseStatus current, const DecisionInput& decision) {
    if (current != CaseStatus::applied) {
        return Refusal{"case_already_decided",
                       "This case cannot be decided: it is already " + to_string(current) + ".", ""};
    }
    if (is_blank(decision.grounds)) {
        return Refusal{"decision_grounds_missing",
                       "Write the grounds for the decision; every decision must state why.", decision_source};
    }
    if (is_blank(decision.caseworker)) {
        return Refusal{"caseworker_missing", "Record which caseworker made the decision.", ""};
    }
    if (decision.approve && (decision.loan_days < 1 || decision.loan_days > max_loan_days)) {
        return Refusal{"loan_days_out_of_range",
                       "The loan period must be between 1 and " + std::to_string(max_loan_days) + " days.", ""};
    }
    return std::nullopt;
}

std::optional<Refusal> check_case_delivery(CaseStatus current) {
    if (current == CaseStatus::approved) return std::nullopt;
    return invalid_case_transition(current, "marked as delivered");
}

std::optional<Refusal> check_case_close(CaseStatus current) {
    if (current == CaseStatus::delivered) return std::nullopt;
    return invalid_case_transition(current, "closed");
}

// The four weeks run from when the patient learned of the decision (pasient- og brukerrettighetsloven § 7-5);
// the deadline here counts from the decision date, which is the date the letter states.
ComplaintRight complaint_right(Date decided_on) {
    const Date deadline = add_days(decided_on, complaint_deadline_days);
    const std::string date = to_iso(deadline);
    return ComplaintRight{
        "Statsforvalteren",
        "pasient- og brukerrettighetsloven § 7-2",
        deadline,
        "Du kan klage på vedtaket til Statsforvalteren, jf. pasient- og brukerrettighetsloven § 7-2. "
        "Send klagen til oss; endrer vi ikke vedtaket, sender vi klagen videre til Statsforvalteren. "
        "Klagefristen er fire uker etter at du fikk vite om vedtaket (senest " + date + " regnet fra vedtaksdatoen).",
        "You may complain about this decision to the County Governor (Statsforvalteren), under the Patients' and "
        "Users' Rights Act § 7-2. Send the complaint to us; if we do not change the decision, we forward it to the "
        "County Governor. The deadline is four weeks after you learned of the decision (" + date +
            " counted from the decision date).",
    };
}

std::optional<Refusal> check_journal_note(const JournalNote& note) {
    if (auto refusal = check_hpr_number(note.hpr_number)) {
        refusal->message = "The journal note needs the HPR number of the responsible specialist doctor. " +
                           refusal->message;
        refusal->rule = "Prosedyre pkt. 7";
        return refusal;
    }
    if (note.written_at.unix_seconds <= 0) {
        return Refusal{"journal_note_time", "Record when the assignment was written in the patient's record.",
                       "Prosedyre pkt. 7"};
    }
    return std::nullopt;
}

std::optional<Refusal> check_journal_note(const JournalNote& note, Timestamp now) {
    if (auto refusal = check_journal_note(note)) return refusal;
    if (note.written_at > now) {
        return Refusal{"journal_note_in_future", "The journal note cannot be dated in the future.",
                       "Prosedyre pkt. 7"};
    }
    return std::nullopt;
}

std::optional<Refusal> check_journal_note(const JournalNote& note, Timestamp applied_at, Timestamp now) {
    if (auto refusal = check_journal_note(note, now)) return refusal;
    if (local_date(note.written_at) < local_date(applied_at)) {
        return Refusal{"journal_note_before_application",
                       "The journal note is dated " + to_iso(local_date(note.written_at)) +
                           ", before the application (" + to_iso(local_date(applied_at)) +
                           "). It must document this assignment, so it cannot be older than the application.",
                       "Prosedyre pkt. 7"};
    }
    return std::nullopt;
}

std::optional<Refusal> check_correction(std::string_view what, bool replaces_earlier, std::string_view reason) {
    if (!replaces_earlier || !is_blank(reason)) return std::nullopt;
    return Refusal{"correction_reason_missing",
                   "A " + std::string(what) + " is already recorded for this case. Entries are never overwritten: "
                   "record the new one as a correction and give the reason; the earlier one stays on the case.",
                   ""};
}

WaitingTimes waiting_times(Date applied, std::optional<Date> decided, std::optional<Date> delivered) {
    WaitingTimes times;
    times.application_to_decision_days = span(applied, decided);
    if (decided) times.decision_to_delivery_days = span(*decided, delivered);
    times.application_to_delivery_days = span(applied, delivered);
    return times;
}

}  // namespace bhm
