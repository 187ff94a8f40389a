// Picking a device for a case at the warehouse (an issue-mode scan) reserves it.
// A reservation must already satisfy the delivery rules about the case and the
// device itself; the handover rules (manual, training, fitting, site check,
// journal note) are checked when the device is delivered.
#pragma once

#include <vector>

#include "shared/loans/delivery.h"

namespace bhm {

std::vector<Refusal> check_reservation(const DeliveryCheck& check);

// Palliative exception (Prosedyre pkt. 3 and 9): a case on the institution's own
// equipment gets none of ours; that equipment is outside our stock and costs.
std::optional<Refusal> check_not_own_equipment(bool own_equipment);

// Recording the institution's own equipment is the palliative exception only, and only
// while no device of ours has gone out for the case.
std::optional<Refusal> check_own_equipment_allowed(bool palliative, CaseStatus status);

}  // namespace bhm
