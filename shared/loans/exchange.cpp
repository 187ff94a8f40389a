// Exchange rules: what must hold before a device at the patient's is swapped for another on the same case.
#include "shared/loans/exchange.h"

#include "shared/core/text.h"

namespace bhm {

std::optional<Refusal> check_exchange(const ExchangeCheck& check) {
    if (check.case_status != CaseStatus::delivered) {
        return Refusal{"case_not_delivered",
                       "Only a case with a device at the patient's can have it exchanged; this case is " +
                           to_string(check.case_status) + ".",
                       ""};
    }
    if (!check.old_device_on_this_case) {
        return Refusal{"device_not_on_this_case", "The device to take back is not on loan on this case.", ""};
    }
    if (check.same_device) {
        return Refusal{"exchange_same_device", "The replacement must be another device than the one coming back.", ""};
    }
    if (is_blank(check.fault)) {
        return Refusal{"exchange_fault_missing", "Describe the fault of the device coming back for service.", ""};
    }
    return std::nullopt;
}

std::vector<Refusal> check_exchange_delivery(DeliveryCheck check) {
    std::vector<Refusal> reasons;
    if (check.case_status == CaseStatus::delivered) {
        check.case_status = CaseStatus::approved;   // the gate's status check; an exchange needs a delivered case
    } else {
        reasons.push_back({"case_not_delivered",
                           "A replacement goes only to a case with a device at the patient's; this case is " +
                               to_string(check.case_status) + ".",
                           ""});
        check.case_status = CaseStatus::approved;   // reported once, above
    }
    auto gate = check_delivery(check);
    reasons.insert(reasons.end(), gate.begin(), gate.end());
    return reasons;
}

}  // namespace bhm
