// An application (case) from request to decision to delivery: its status machine, the decision
// rules (grounds, complaint right), the doctor's journal note and the waiting times the network reports.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

// own_equipment is an end state: the palliative exception, the institution uses its own equipment and
// the case leaves the delivery queue (Prosedyre pkt. 3 and 9).
enum class CaseStatus { applied, approved, rejected, delivered, closed, own_equipment };
std::string to_string(CaseStatus status);
std::optional<CaseStatus> parse_case_status(std::string_view text);

struct DecisionInput {
    bool approve;
    std::string grounds;
    std::string caseworker;
    int loan_days;  // only checked when approving
    Date decided_on;
};

// Only an applied case may be decided; grounds and caseworker are required; loan_days 1..3650 when approving.
// Refusal codes: case_already_decided, decision_grounds_missing, caseworker_missing, loan_days_out_of_range.
std::optional<Refusal> check_decision(CaseStatus current, const DecisionInput& decision);

// Status moves after the decision. Refusal code: invalid_case_transition.
std::optional<Refusal> check_case_delivery(CaseStatus current);  // approved -> delivered
std::optional<Refusal> check_case_close(CaseStatus current);     // delivered -> closed (device returned)

inline constexpr int max_loan_days = 3650;
inline constexpr int complaint_deadline_days = 28;  // four weeks, pasient- og brukerrettighetsloven § 7-2

// Rule 6: every decision tells the patient how to complain.
struct ComplaintRight {
    std::string authority;  // "Statsforvalteren"
    std::string law;        // "pasient- og brukerrettighetsloven § 7-2"
    Date deadline;
    std::string text_no;
    std::string text_en;
};
ComplaintRight complaint_right(Date decided_on);

// Rule 7: the responsible specialist doctor documents the assignment in the patient's record.
struct JournalNote {
    std::string hpr_number;
    Timestamp written_at;
};
// Refusal codes: the HPR number's (hpr_number_format), or journal_note_time when written_at is unset (0).
std::optional<Refusal> check_journal_note(const JournalNote& note);
// As above, and refuses a note dated after `now` (journal_note_in_future).
std::optional<Refusal> check_journal_note(const JournalNote& note, Timestamp now);

// As above, and the note documents this assignment: dated neither before the application (its Norwegian
// calendar day) nor after `now`. Codes as above, plus journal_note_before_application.
std::optional<Refusal> check_journal_note(const JournalNote& note, Timestamp applied_at, Timestamp now);

// Journal notes and site checks are append-only: a new entry that replaces an earlier one is a
// correction and needs its reason; the earlier entry stays on the case and in the trail.
// `what` names the entry in the sentence ("journal note"). Code: correction_reason_missing.
std::optional<Refusal> check_correction(std::string_view what, bool replaces_earlier, std::string_view reason);

// Quality goal: no unnecessary waiting. A span is missing when an end is missing or precedes its start.
struct WaitingTimes {
    std::optional<int> application_to_decision_days, decision_to_delivery_days, application_to_delivery_days;
};
WaitingTimes waiting_times(Date applied, std::optional<Date> decided, std::optional<Date> delivered);

}  // namespace bhm
