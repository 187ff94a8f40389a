// A delivery check where every rule holds, for the delivery and reservation tests to break one at a time.
#pragma once

#include "shared/loans/delivery.h"

namespace bhm::testing {

inline DeliveryCheck ready_delivery() {
    DeliveryCheck c{};
    c.case_status = CaseStatus::approved;
    c.journal_note_recorded = true;
    c.device_state = DeviceState::available;
    c.reserved_for_this_case = false;
    c.device_category = c.case_category = "oxygen_concentrator";
    c.device_electrical = true;
    c.inspection_due_on = Date{2025, 3, 1};
    c.inspection_passed = true;
    c.site_check_required = true;
    c.site_check_documented = true;
    c.manual_included = true;
    c.training_recorded = true;
    c.trained_who = "patient and spouse";
    c.fitted_and_tested = true;
    c.today = Date{2024, 6, 1};
    return c;
}

}  // namespace bhm::testing
