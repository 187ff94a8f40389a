// The decision list: entries are only ever appended; the case row is updated to mirror the newest.
#include "server/services/decisions.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/loans.h"
#include "server/views/views.h"
#include "shared/cases/complaint.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

db::DecisionRecord record_decision_entry(db::FlowRecords& tx, const db::Case& c, const std::string& kind,
                                         std::optional<db::Id> complaint_id) {
    if (!c.decided_at) throw std::logic_error("case " + c.number + " has no decision to record");
    db::DecisionRecord d;
    d.case_id = c.id;
    d.kind = kind;
    d.approved = c.approved.value_or(false);
    d.grounds = c.grounds;
    d.decided_by = c.decided_by;
    d.decided_at = *c.decided_at;
    d.loan_days = c.loan_days;
    d.complaint_deadline = c.complaint_deadline.value_or(complaint_right(local_date(*c.decided_at)).deadline);
    d.complaint_id = complaint_id;
    d.id = tx.insert_decision(d);
    return d;
}

db::DecisionRecord reverse_decision(db::Transaction& tx, const Actor& actor, db::Case& c, const std::string& kind,
                                    const std::string& grounds, std::optional<int> loan_days,
                                    const std::string& decided_by, db::Id complaint_id) {
    const auto before = c.status;
    const auto effect = reversal_effect(c.status, c.approved.value_or(false));
    c.status = effect.case_status;
    const bool approve = effect.approved;
    int days = 0;
    if (approve) {
        days = loan_days.value_or(category_of(tx, c.category).default_loan_days);
        if (days < 1 || days > max_loan_days)
            refuse(RefusalKind::refused, "loan_days_out_of_range",
                 "The loan period must be between 1 and " + std::to_string(max_loan_days) + " days.");
    }
    c.approved = approve;
    c.grounds = grounds;
    c.decided_by = decided_by;
    c.decided_at = actor.now;
    c.loan_days = days;
    c.complaint_deadline = complaint_right(local_date(actor.now)).deadline;
    tx.update_case(c);
    if (!approve) release_picked_for_case(tx, actor, c, "decision reversed");   // back to stock, with its event
    auto entry = record_decision_entry(tx, c, kind, complaint_id);
    Poco::JSON::Object data;
    data.set("decision_id", entry.id);
    data.set("kind", kind);
    data.set("approved", approve);
    data.set("loan_days", days);
    data.set("complaint_id", complaint_id);
    data.set("complaint_deadline", to_iso(*c.complaint_deadline));
    if (effect.loan_stays) data.set("loan_against_decision", true);   // the unit reviews the loan itself
    record_event(tx, actor, EventDraft{"decision_reversed", std::nullopt, c.id, to_string(before), to_string(c.status),
                                       json_text(data)});
    return entry;
}

std::optional<db::DecisionRecord> current_decision(db::FlowRecords& tx, db::Id case_id) {
    auto all = tx.decisions(case_id);
    if (all.empty()) return std::nullopt;
    return all.back();
}

}  // namespace bhm::server
