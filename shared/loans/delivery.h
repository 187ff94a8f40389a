// What must be true before a device leaves with a patient (procedure rules 4, 5, 7, 11, and the
// quality goals on training). Every failing reason is returned, so the worker can fix them all at once.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/cases/case_flow.h"
#include "shared/core/date.h"
#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"
#include "shared/recalls/hold.h"

namespace bhm {

// One recorded inspection of the device, as the gate needs it to judge a past moment.
struct InspectionFact {
    Timestamp at;
    bool passed = false;
    std::optional<Date> next_due;
};

// One earlier loan of the device: from delivery to return (unset while still open).
struct LoanInterval {
    Timestamp delivered_at;
    std::optional<Timestamp> returned_at;
};

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
    std::string trained_who;          // who was trained: the patient, relatives or named staff
    Date today;                       // the Norwegian calendar day the device's current state is judged on
    // Another device of ours already picked for this case (its asset tag): delivering a second one
    // would leave the first reserved for a delivered case.
    std::optional<std::string> other_device_picked;
    // Open field safety notices whose action is not yet recorded as done for this device (shared/recalls/hold.h).
    std::vector<RecallHold> recall_holds;

    // As of the delivery. A delivery is often recorded afterwards; the device and the paperwork must have
    // been ready *then*. Unset for a pick (reservation), which happens now.
    std::optional<Timestamp> delivered_at;
    Timestamp device_received_at{};
    std::vector<InspectionFact> inspections;          // the device's inspections, any order
    std::optional<Timestamp> journal_note_written_at;
    std::optional<Date> site_check_on;                // the site check in force's date, if any
    int site_check_max_years = 0;                     // the unit's setting, named in the refusal (0: not told)
    std::vector<LoanInterval> device_loans;           // the device's earlier loans, any order
};


// Codes: case_not_approved, device_not_available, wrong_category, site_check_missing, manual_missing,
// training_missing, training_not_named, not_fitted, journal_note_missing, other_device_picked,
// recall_action_pending; without
// delivered_at (a pick, judged today on inspection_due_on): inspection_missing, inspection_overdue; with
// delivered_at (every delivery, also one made now; judged on the inspection in force then and its own next
// due date): device_not_yet_received, device_on_loan_at_delivery, inspection_missing_at_delivery,
// inspection_due_at_delivery, journal_note_after_delivery, site_check_after_delivery. Empty = may deliver.
std::vector<Refusal> check_delivery(const DeliveryCheck& check);

// Rule 5: documentation that the site's electrical installation was checked.
struct SiteCheck {
    std::string documented_by;
    Date checked_on;
    std::string document_ref;
    std::string address;   // the site it covers: the patient's address when it was recorded
};
// Codes: site_check_incomplete, site_check_in_future.
std::optional<Refusal> check_site_check(const SiteCheck& site_check, Date today);

// How old a site check may be is the unit's own policy (the regulation sets no age): the server
// setting below, 5 years unless the unit configures otherwise.
inline constexpr int default_site_check_max_years = 5;
inline constexpr const char* site_check_max_years_setting = "BHM_SITE_CHECK_MAX_YEARS";

// A new site check for a patient living at `patient_address`: as above, and it covers that address
// and is no older than `max_years` today. Codes: site_check_wrong_address, site_check_too_old.
std::optional<Refusal> check_site_check(const SiteCheck& site_check, std::string_view patient_address,
                                        int max_years, Date today);

// A recorded site check; superseded when a later correction replaced it.
struct RecordedSiteCheck {
    SiteCheck check;
    bool superseded = false;
};
// The date of the site check that counts on day `on` for a patient now living at `current_address`:
// not superseded, for that address (spaces and letter case aside), and at most `max_years` old then.
// The newest dated on or before `on` is preferred. nullopt: none counts.
std::optional<Date> site_check_in_force(const std::vector<RecordedSiteCheck>& checks,
                                        std::string_view current_address, int max_years, Date on);

}  // namespace bhm
