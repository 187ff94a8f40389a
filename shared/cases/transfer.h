// Moving between units: a patient who moves to another health region is handed over, case and loan, to the
// unit there. The sending unit starts the transfer; the device stays the sending unit's until the receiving
// unit receives it, and only then do the case, the loan and the device change unit. Either unit may cancel
// a pending transfer; it ends by itself when the case's last loan ends. Pure rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/cases/case_flow.h"
#include "shared/core/refusal.h"

namespace bhm {

enum class TransferStatus { pending, received, cancelled };
std::string to_string(TransferStatus status);
std::optional<TransferStatus> parse_transfer_status(std::string_view text);

struct TransferRequest {
    CaseStatus case_status;
    bool open_loan;              // the case has a device at the patient's
    bool same_unit;              // the receiving unit is the sender
    bool receiving_unit_known;
    bool transfer_pending;       // the case already has a transfer under way
    std::string reason;
};
// Codes: transfer_unit_unknown, transfer_same_unit, case_not_on_loan, transfer_already_pending,
// transfer_reason_missing.
std::optional<Refusal> check_transfer(const TransferRequest& request);

// A transfer carries the case's loan, whichever device is out: after an exchange the case still has a device
// at the patient's and the transfer stands. Received once, and only while the case has an open loan.
// Codes: transfer_not_pending (received already: a repeat), transfer_cancelled, transfer_loan_ended.
std::optional<Refusal> check_transfer_receipt(TransferStatus status, bool case_has_open_loan);

// Either unit's caseworker or manager cancels a pending transfer, with a reason. Codes:
// transfer_already_cancelled (a repeat), transfer_already_received, transfer_cancel_reason_missing.
std::optional<Refusal> check_transfer_cancel(TransferStatus status, const std::string& reason);

// When a loan of the case ends: a pending transfer ends with it (cancelled, with transfer_loan_ended_reason)
// once the case has no open loan left, since there is nothing to hand over; an exchange keeps it.
bool pending_transfer_ends(bool case_has_open_loan);
inline constexpr const char* transfer_loan_ended_reason = "loan ended";

// A refusal that says the step was already done (a repeat: 409), not a rule broken (422).
bool is_transfer_repeat(const Refusal& refusal);

}  // namespace bhm
