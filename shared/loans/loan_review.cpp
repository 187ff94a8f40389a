// Loan review rules: an extension needs a reason and a later date within the longest loan period;
// starting the return needs a reason and is done once.
#include "shared/loans/loan_review.h"

#include "shared/cases/case_flow.h"
#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr const char* review_source = "Prosedyre pkt. 10";

Refusal loan_not_open() {
    return Refusal{"loan_not_open", "This loan has already ended; there is nothing to review.", ""};
}

}  // namespace

std::optional<Refusal> check_loan_extension(const LoanExtension& extension) {
    if (!extension.loan_open) return loan_not_open();
    if (is_blank(extension.reason)) {
        return Refusal{"extension_reason_missing",
                       "Write why the patient still needs the device; an extension must give its reason.",
                       review_source};
    }
    if (extension.new_due <= extension.current_due || extension.new_due <= extension.today) {
        return Refusal{"extension_not_later",
                       "The new review date must be later than the current one (" + to_iso(extension.current_due) +
                           ") and later than today.",
                       review_source};
    }
    if (days_between(extension.today, extension.new_due) > max_loan_days) {
        return Refusal{"extension_too_long",
                       "A loan can be extended by at most " + std::to_string(max_loan_days) +
                           " days from today; set an earlier review date.",
                       review_source};
    }
    return std::nullopt;
}

std::optional<Refusal> check_review_return(bool loan_open, bool return_already_started, const std::string& reason) {
    if (!loan_open) return loan_not_open();
    if (is_blank(reason)) {
        return Refusal{"review_reason_missing", "Write why the device is to be returned.", review_source};
    }
    if (return_already_started) {
        return Refusal{"return_already_started",
                       "The return of this device has already been started; it is on the pick-up list.", ""};
    }
    return std::nullopt;
}

}  // namespace bhm
