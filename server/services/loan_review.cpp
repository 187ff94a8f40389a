// Loan review workflows: an extension moves the loan's due date (so the overdue and due lists follow) and is
// logged with the old and new date and the reason; starting the return opens a pick-up task.
#include "server/services/loan_review.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/end_of_use.h"
#include "server/views/views.h"
#include "shared/core/norway_time.h"
#include "shared/loans/loan_review.h"

namespace bhm::server {

db::Loan own_loan(db::LoanRecords& tx, const Actor& actor, db::Id loan_id) {
    auto loan = tx.loan(loan_id);
    if (!loan || loan->unit_id != actor.caller.unit_id) not_found("Loan " + std::to_string(loan_id));
    return *loan;
}

db::Loan extend_loan(db::Transaction& tx, const Actor& actor, db::Id loan_id, const ExtensionCommand& command) {
    auto loan = own_loan(tx, actor, loan_id);
    LoanExtension extension{!loan.returned_at.has_value(), loan.due_on, command.new_due_on, command.reason,
                            local_date(actor.now)};
    if (auto refusal = check_loan_extension(extension)) refuse(*refusal, refusal->code == "loan_not_open" ? RefusalKind::conflict : RefusalKind::refused);
    const Date previous = loan.due_on;
    loan.due_on = command.new_due_on;
    tx.update_loan(loan);
    Poco::JSON::Object data;
    data.set("loan_id", loan.id);
    data.set("previous_due_on", to_iso(previous));
    data.set("due_on", to_iso(loan.due_on));
    data.set("reason", command.reason);
    record_event(tx, actor, EventDraft{"loan_extended", loan.device_id, loan.case_id, "", "", json_text(data)});
    return loan;
}

db::PickupTask start_return_at_review(db::Transaction& tx, const Actor& actor, db::Id loan_id, const std::string& reason) {
    auto loan = own_loan(tx, actor, loan_id);
    const bool started = tx.open_pickup_task_for_device(loan.device_id).has_value();
    if (auto refusal = check_review_return(!loan.returned_at.has_value(), started, reason))
        refuse(*refusal, refusal->code == "review_reason_missing" ? RefusalKind::refused : RefusalKind::conflict);
    auto task = open_pickup_task(tx, actor, loan, "review_return", reason);
    Poco::JSON::Object data;
    data.set("loan_id", loan.id);
    data.set("pickup_task_id", task.id);
    data.set("reason", reason);
    record_event(tx, actor, EventDraft{"loan_return_started", loan.device_id, loan.case_id, "", "", json_text(data)});
    return task;
}

}  // namespace bhm::server
