// Transfer rules: which case can be handed over to another unit, that it is received or cancelled once,
// and that it ends with the case's last loan.
#include "shared/cases/transfer.h"

#include "shared/core/text.h"

namespace bhm {

std::string to_string(TransferStatus status) {
    switch (status) {
        case TransferStatus::pending: return "pending";
        case TransferStatus::received: return "received";
        case TransferStatus::cancelled: return "cancelled";
    }
    return "unknown";
}

std::optional<TransferStatus> parse_transfer_status(std::string_view text) {
    for (auto status : {TransferStatus::pending, TransferStatus::received, TransferStatus::cancelled})
        if (to_string(status) == text) return status;
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

std::optional<Refusal> check_transfer_receipt(TransferStatus status, bool case_has_open_loan) {
    if (status == TransferStatus::received)
        return Refusal{"transfer_not_pending", "This transfer has already been received.", ""};
    if (status == TransferStatus::cancelled)
        return Refusal{"transfer_cancelled", "This transfer was cancelled; there is nothing to take over.", ""};
    if (!case_has_open_loan) {
        return Refusal{"transfer_loan_ended",
                       "The case's loan has ended (the device came back, was lost or written off); there is "
                       "nothing to take over.",
                       ""};
    }
    return std::nullopt;
}

std::optional<Refusal> check_transfer_cancel(TransferStatus status, const std::string& reason) {
    if (status == TransferStatus::cancelled)
        return Refusal{"transfer_already_cancelled", "This transfer is already cancelled.", ""};
    if (status == TransferStatus::received) {
        return Refusal{"transfer_already_received",
                       "This transfer has been received: the case is the receiving unit's now. To move it back, "
                       "that unit starts a new transfer.",
                       ""};
    }
    if (is_blank(reason)) {
        return Refusal{"transfer_cancel_reason_missing",
                       "Write why the transfer is cancelled (for example: the patient stays).", ""};
    }
    return std::nullopt;
}

bool pending_transfer_ends(bool case_has_open_loan) { return !case_has_open_loan; }

bool is_transfer_repeat(const Refusal& refusal) {
    return refusal.code == "transfer_not_pending" || refusal.code == "transfer_already_cancelled";
}

}  // namespace bhm
