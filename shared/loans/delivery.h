// What must be true before a device leaves with a patient (procedure rules 4, 5, 7, 11, and the
// quality goals on training). Every failing reason is returned, so the worker can fix them all at once.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/cases/case_flow.h"
#include "shared/core/date.h"
#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"

namespace bhm {

struct DeliveryCheck {
    CaseStatus case_status;
    bool journal_note_recorded;
    DeviceState device_state;
    bool reserved_for_this_case;
    std::string device_category, case_category;
    bool device_electrical;
    std::optional<Date> inspection_due_on;
    bool inspection_passed;
    bool site_check_required;
    bool site_check_documented;
    bool manual_included;
    bool training_recorded;
    bool fitted_and_tested;
    std::string not_fitted_reason;
    Date today;
};

// Codes: case_not_approved, device_not_available, wrong_category, inspection_missing, inspection_overdue,
// site_check_missing, manual_missing, training_missing, not_fitted, journal_note_missing. Empty = may deliver.
std::vector<Refusal> check_delivery(const DeliveryCheck& check);

// Rule 5: documentation that the site's electrical installation was checked.
struct SiteCheck {
    std::string documented_by;
    Date checked_on;
    std::string document_ref;
};
// Codes: site_check_incomplete, site_check_in_future.
std::optional<Refusal> check_site_check(const SiteCheck& site_check, Date today);

}  // namespace bhm
