// Exchange at home: a device on loan is faulty, so it comes back for service and a replacement goes out on the
// same case, which stays open (no new application). The replacement passes the same delivery gate
// (shared/loans/delivery.h); only the gate's "case is approved" check reads "case is delivered" here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/loans/delivery.h"

namespace bhm {

struct ExchangeCheck {
    CaseStatus case_status;
    bool old_device_on_this_case;   // the device coming back is on an open loan of this case
    bool same_device;               // the replacement is the device coming back
    std::string fault;
};
// Codes: case_not_delivered, device_not_on_this_case, exchange_same_device, exchange_fault_missing.
std::optional<Refusal> check_exchange(const ExchangeCheck& check);

// The delivery gate for the replacement: every check of check_delivery, with the case's status judged as an
// exchange (a delivered case) instead of a first delivery (an approved case).
std::vector<Refusal> check_exchange_delivery(DeliveryCheck check);

}  // namespace bhm
