// The loan review (procedure rule 10: a device goes back when the patient no longer needs it). At the
// review date the unit either extends the loan with a reason and a new date, or starts the return.
// Pure rules: the server records the outcome as events and moves the loan's due date.
#pragma once

#include <optional>
#include <string>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

struct LoanExtension {
    bool loan_open;            // an ended loan has nothing to review
    Date current_due;
    Date new_due;
    std::string reason;
    Date today;                // Norwegian calendar day
};

// Codes: loan_not_open, extension_reason_missing, extension_not_later (the new date must be after the current
// due date and after today), extension_too_long (at most max_loan_days from today).
std::optional<Refusal> check_loan_extension(const LoanExtension& extension);

// Starting the return at review: the loan must be open and a reason given. Codes: loan_not_open,
// review_reason_missing, return_already_started.
std::optional<Refusal> check_review_return(bool loan_open, bool return_already_started, const std::string& reason);

}  // namespace bhm
