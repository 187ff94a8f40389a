// Complaint workflow: every step is checked in shared/cases/complaint.h and appended as a complaint step
// with an event on the case; a reversal appends a decision entry (server/services/decisions.h).
#include "server/services/complaints.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/decisions.h"
#include "server/views/views.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

ComplaintStatus status_of(const db::Complaint& complaint) {
    auto status = parse_complaint_status(complaint.status);
    if (!status) throw std::runtime_error("complaint " + std::to_string(complaint.id) + " has an unknown status");
    return *status;
}

// Appends the step, moves the complaint's status and logs one event on the case.
void record_step(db::Transaction& tx, const Actor& actor, db::Complaint& complaint, db::ComplaintStep step,
                 ComplaintStatus next, const std::string& event_kind) {
    const std::string before = complaint.status;
    step.complaint_id = complaint.id;
    step.recorded_at = actor.now;
    step.recorded_by = actor.caller.actor();
    step.id = tx.insert_complaint_step(step);
    complaint.status = to_string(next);
    tx.update_complaint_status(complaint.id, complaint.status);
    Poco::JSON::Object data;
    data.set("complaint_id", complaint.id);
    data.set("step_id", step.id);
    data.set("on", to_iso(step.on_date));
    data.set("result", step.result);
    if (step.decision_id) data.set("decision_id", *step.decision_id);
    record_event(tx, actor, EventDraft{event_kind, std::nullopt, complaint.case_id, before, complaint.status,
                                       json_text(data)});
}

Date last_step_date(db::Transaction& tx, const db::Complaint& complaint, const std::string& kind) {
    Date on = complaint.received_on;
    for (const auto& step : tx.complaint_steps(complaint.id))
        if (step.kind == kind) on = step.on_date;
    return on;
}

}  // namespace

db::Complaint own_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id) {
    auto complaint = tx.complaint(complaint_id);
    if (!complaint) not_found("Complaint " + std::to_string(complaint_id));
    auto c = tx.case_by_id(complaint->case_id);
    if (!c || c->unit_id != actor.caller.unit_id) not_found("Complaint " + std::to_string(complaint_id));
    return *complaint;
}

db::Complaint receive_complaint(db::Transaction& tx, const Actor& actor, db::Id case_id, const ComplaintCommand& command) {
    auto c = own_case(tx, actor, case_id);
    auto decision = current_decision(tx, c.id);
    bool open = false;
    for (const auto& other : tx.complaints(c.id)) {
        auto status = status_of(other);
        if (status != ComplaintStatus::reversed && status != ComplaintStatus::decided) open = true;
    }
    ComplaintReceipt receipt{decision ? std::optional(local_date(decision->decided_at)) : std::nullopt, open,
                             command.received_on, command.summary, local_date(actor.now)};
    if (auto refusal = check_complaint_receipt(receipt)) refuse(*refusal, refusal->code == "complaint_already_open" ? RefusalKind::conflict : RefusalKind::refused);
    auto timing = complaint_timing(local_date(decision->decided_at), command.received_on);
    db::Complaint complaint;
    complaint.case_id = c.id;
    complaint.decision_id = decision->id;
    complaint.received_on = command.received_on;
    complaint.deadline = timing.deadline;
    complaint.within_deadline = timing.within_deadline;
    complaint.summary = command.summary;
    complaint.status = to_string(ComplaintStatus::received);
    complaint.recorded_at = actor.now;
    complaint.recorded_by = actor.caller.actor();
    complaint.id = tx.insert_complaint(complaint);
    Poco::JSON::Object data;
    data.set("complaint_id", complaint.id);
    data.set("decision_id", decision->id);
    data.set("received_on", to_iso(command.received_on));
    data.set("deadline", to_iso(timing.deadline));
    data.set("within_deadline", timing.within_deadline);
    data.set("days_late", timing.days_late);
    record_event(tx, actor, EventDraft{"complaint_received", std::nullopt, c.id, "", complaint.status, json_text(data)});
    return complaint;
}

db::Complaint reassess_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id,
                                 const ReassessmentCommand& command) {
    auto complaint = own_complaint(tx, actor, complaint_id);
    auto c = own_case(tx, actor, complaint.case_id);
    Reassessment input{status_of(complaint), c.status, command.reverse, command.grounds};
    if (auto refusal = check_reassessment(input))
        refuse(*refusal, refusal->code == "complaint_not_awaiting_reassessment" ? RefusalKind::conflict : RefusalKind::refused);
    db::ComplaintStep step;
    step.kind = "reassessed";
    step.on_date = local_date(actor.now);
    step.result = command.reverse ? "reversed" : "kept";
    step.grounds = command.grounds;
    if (command.reverse)
        step.decision_id = reverse_decision(tx, actor, c, "reassessment", command.grounds, command.loan_days,
                                            actor.caller.actor(), complaint.id).id;
    record_step(tx, actor, complaint, step, after_reassessment(command.reverse), "complaint_reassessed");
    return complaint;
}

db::Complaint forward_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id, Date forwarded_on) {
    auto complaint = own_complaint(tx, actor, complaint_id);
    const Date reassessed_on = last_step_date(tx, complaint, "reassessed");
    if (auto refusal = check_forwarding(status_of(complaint), reassessed_on, forwarded_on, local_date(actor.now)))
        refuse(*refusal, is_repeat(*refusal) ? RefusalKind::conflict : RefusalKind::refused);
    db::ComplaintStep step;
    step.kind = "forwarded";
    step.on_date = forwarded_on;
    step.result = "Statsforvalteren";
    record_step(tx, actor, complaint, step, ComplaintStatus::forwarded, "complaint_forwarded");
    return complaint;
}

db::Complaint record_complaint_outcome(db::Transaction& tx, const Actor& actor, db::Id complaint_id,
                                       const OutcomeCommand& command) {
    auto complaint = own_complaint(tx, actor, complaint_id);
    auto c = own_case(tx, actor, complaint.case_id);
    OutcomeInput input{status_of(complaint), c.status, command.outcome, last_step_date(tx, complaint, "forwarded"),
                       command.decided_on, local_date(actor.now), command.grounds};
    if (auto refusal = check_outcome(input)) refuse(*refusal, is_repeat(*refusal) ? RefusalKind::conflict : RefusalKind::refused);
    db::ComplaintStep step;
    step.kind = "outcome";
    step.on_date = command.decided_on;
    step.result = to_string(command.outcome);
    step.grounds = command.grounds;
    if (command.outcome == ComplaintOutcome::reversed)
        step.decision_id = reverse_decision(tx, actor, c, "county_governor", command.grounds, command.loan_days,
                                            "Statsforvalteren", complaint.id).id;
    record_step(tx, actor, complaint, step, after_outcome(command.outcome), "complaint_outcome");
    return complaint;
}

}  // namespace bhm::server
