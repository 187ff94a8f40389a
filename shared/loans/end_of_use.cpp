// Death, write-off, pick-up and home-visit rules (procedure rule 10: devices go back when no longer needed).
#include "shared/loans/end_of_use.h"

#include "shared/core/text.h"

namespace bhm {

std::optional<Refusal> check_death_record(bool already_recorded, std::optional<Date> died_on, Date today) {
    if (already_recorded) {
        return Refusal{"death_already_recorded", "This patient's death is already recorded.", ""};
    }
    if (!died_on) return Refusal{"death_date_missing", "Record the date of death.", ""};
    if (*died_on > today) return Refusal{"death_in_future", "The date of death cannot be in the future.", ""};
    return std::nullopt;
}

std::optional<CaseStatus> case_status_after_death(CaseStatus current) {
    switch (current) {
        case CaseStatus::applied:
        case CaseStatus::approved:
        case CaseStatus::delivered: return CaseStatus::closed;
        case CaseStatus::rejected:
        case CaseStatus::closed:
        case CaseStatus::own_equipment: return std::nullopt;
    }
    return std::nullopt;
}

Transition write_off(const DeviceStatus& current, const std::string& reason) {
    if (current.state == DeviceState::retired) {
        return Transition{std::nullopt,
                          Refusal{"device_retired", "This device is already retired or written off.", ""}};
    }
    if (is_blank(reason)) {
        return Transition{std::nullopt,
                          Refusal{"write_off_reason_missing",
                                  "Write why the device is written off (for example: broken beyond repair).", ""}};
    }
    DeviceStatus next = current;
    next.state = DeviceState::retired;
    next.cleaned = next.inspected = next.inspection_failed = false;
    return Transition{next, std::nullopt};
}

std::optional<Refusal> check_pickup_return(DeviceState state, bool open_pickup_task) {
    if (state == DeviceState::on_loan && open_pickup_task) return std::nullopt;
    return Refusal{"device_not_on_loan",
                   "This device is not on loan (it is " + to_string(state) + "); nothing to return.", ""};
}

std::optional<Refusal> check_home_visit(DeviceState state, const std::string& work) {
    if (state != DeviceState::on_loan) {
        return Refusal{"device_not_at_patient",
                       "A home visit is recorded for a device at the patient's; this one is " + to_string(state) + ".",
                       ""};
    }
    if (is_blank(work)) return Refusal{"home_visit_work_missing", "Write what was done at the visit.", ""};
    return std::nullopt;
}

}  // namespace bhm
