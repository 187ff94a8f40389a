// Moving between units: a patient who moves to another health region is handed over, case and loan, to the
// unit there. The sending unit starts the transfer; the device stays the sending unit's until the receiving
// unit receives it, and only then do the case, the loan and the device change unit. Pure rules.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/cases/case_flow.h"
#include "shared/core/refusal.h"

namespace bhm {

enum class TransferStatus { pending, received };
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

// Received once, and only while the loan it carries is still open (a device returned meanwhile stays home).
// Codes: transfer_not_pending, transfer_loan_ended.
std::optional<Refusal> check_transfer_receipt(TransferStatus status, bool loan_open);

}  // namespace bhm
