// The loan review: at the review (due) date a caseworker extends the loan with a reason and a new date, or
// starts the return, which puts the device on the pick-up list. Rules in shared/loans/loan_review.h.
#pragma once

#include "server/services/actor.h"

namespace bhm::server {

db::Loan own_loan(db::LoanRecords& tx, const Actor& actor, db::Id loan_id);

struct ExtensionCommand { Date new_due_on; std::string reason; };
db::Loan extend_loan(db::Transaction& tx, const Actor& actor, db::Id loan_id, const ExtensionCommand& command);

db::PickupTask start_return_at_review(db::Transaction& tx, const Actor& actor, db::Id loan_id, const std::string& reason);

}  // namespace bhm::server
