// Reservation = the delivery gate minus the handover items, so both stay one rule set.
#include "shared/loans/reservation.h"

namespace bhm {

std::vector<Refusal> check_reservation(const DeliveryCheck& check) {
    DeliveryCheck at_pick = check;
    at_pick.journal_note_recorded = true;
    at_pick.site_check_documented = true;
    at_pick.manual_included = true;
    at_pick.training_recorded = true;
    at_pick.trained_who = "(recorded at delivery)";
    at_pick.other_device_picked.reset();
    at_pick.delivered_at.reset();
    at_pick.fitted_and_tested = true;
    return check_delivery(at_pick);
}

std::optional<Refusal> check_not_own_equipment(bool own_equipment) {
    if (!own_equipment) return std::nullopt;
    return Refusal{"own_equipment",
                   "This case is recorded as using the institution's own equipment; the specialist service supplies "
                   "no device for it and has no legal or economic responsibility for that equipment.",
                   "Prosedyre pkt. 9 (palliativ unntak)"};
}

std::optional<Refusal> check_own_equipment_allowed(bool palliative, CaseStatus status) {
    if (!palliative)
        return Refusal{"own_equipment_not_palliative",
                       "Only a palliative case may be recorded as using the institution's own equipment.",
                       "Prosedyre pkt. 9 (palliativ unntak)"};
    if (status == CaseStatus::own_equipment)
        return Refusal{"own_equipment_already",
                       "This case is already recorded as using the institution's own equipment.",
                       "Prosedyre pkt. 9 (palliativ unntak)"};
    if (status != CaseStatus::applied && status != CaseStatus::approved)
        return Refusal{"own_equipment_too_late",
                       "The case is " + to_string(status) + "; own equipment can be recorded only before delivery.",
                       "Prosedyre pkt. 9 (palliativ unntak)"};
    return std::nullopt;
}

}  // namespace bhm
