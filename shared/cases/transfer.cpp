// Transfer rules: which case can be handed over to another unit, and that it is received once.
#include "shared/cases/transfer.h"

#include "shared/core/text.h"

namespace bhm {

std::string to_string(TransferStatus status) { return status == TransferStatus::pending ? "pending" : "received"; }

std::optional<TransferStatus> parse_transfer_status(std::string_view text) {
    if (text == "pending") return TransferStatus::pending;
    if (text == "received") return TransferStatus::received;
    return std::nullopt;
}

std::optional<Refusal> check_transfer(const TransferRequest& request) {
    if (!request.receiving_unit_known) {
        return Refusal{"transfer_unit_unknown", "There is no such receiving unit.", ""};
    }
    if (request.same_unit) {
        return Refusal{"transfer_same_unit", "The receiving unit must be another unit than your own.", ""};
    }
    if (request.case_status != CaseStatus::delivered || !request.open_loan) {
        return Refusal{"case_not_on_loan",
                       "Only a case with a device at the patient's is transferred with its loan; this case is " +
                           to_string(request.case_status) + ".",
                       ""};
    }
    if (request.transfer_pending) {
        return Refusal{"transfer_already_pending", "This case is already being transferred.", ""};
    }
    if (is_blank(request.reason)) {
        return Refusal{"transfer_reason_missing", "Write why the case moves (for example: the patient moved).", ""};
    }
    return std::nullopt;
}

std::optional<Refusal> check_transfer_receipt(TransferStatus status, bool loan_open) {
    if (status != TransferStatus::pending)
        return Refusal{"transfer_not_pending", "This transfer has already been received.", ""};
    if (!loan_open) {
        return Refusal{"transfer_loan_ended",
                       "The loan this transfer carries has ended (the device came back or was lost); there is "
                       "nothing to take over.",
                       ""};
    }
    return std::nullopt;
}

}  // namespace bhm
