// When a loan ends other than by a return: the patient's death (the loans end, the device is fetched from the
// home: a pick-up task), a write-off with a reason, or a device still at the home after its loan ended that
// the warehouse takes back. Pure rules; the server records each as its own event.
#pragma once

#include <optional>
#include <string>

#include "shared/cases/case_flow.h"
#include "shared/core/date.h"
#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"

namespace bhm {

// Codes: death_already_recorded, death_in_future, death_date_missing (unset date).
std::optional<Refusal> check_death_record(bool already_recorded, std::optional<Date> died_on, Date today);

// A death ends every open case of the patient: applied, approved (waiting for delivery) and delivered cases
// close, so none is left in a queue; rejected and closed cases stay as they are (nothing: no change).
std::optional<CaseStatus> case_status_after_death(CaseStatus current);

// A write-off takes a device out of use for good (state retired), wherever it is: on the shelf, lost, or at the
// patient's (then its loan ends as written off). Codes: write_off_reason_missing, device_retired.
Transition write_off(const DeviceStatus& current, const std::string& reason);

// A device can be taken back without an open loan only when it is still out (on_loan) and a pick-up task
// for it is open (its loan ended by the patient's death). Codes: device_not_on_loan.
std::optional<Refusal> check_pickup_return(DeviceState state, bool open_pickup_task);

// A visit at the patient's home (service or check) leaves the device where it is. Codes: device_not_at_patient,
// home_visit_work_missing.
std::optional<Refusal> check_home_visit(DeviceState state, const std::string& work);

}  // namespace bhm
