// The loan of a device to a patient: picking it for the case (reservation),
// delivery through the gate in shared/loans/delivery.h, and its return.
#pragma once

#include "server/services/actor.h"
#include "shared/loans/delivery.h"
#include "shared/loans/loan_end.h"

namespace bhm::server {

struct ReserveOutcome { db::Device device; bool already_reserved = false; };
ReserveOutcome reserve_for_case(db::Transaction& tx, const Actor& actor, db::Id case_id, db::Id device_id);

// Puts a picked device back on the shelf (the case keeps waiting for another). A device still tied to a
// case after leaving `reserved` (a failed inspection) is untied in its state, with a reservation_released event.
db::Device release_reservation(db::Transaction& tx, const Actor& actor, db::Id device_id);
// Unties a device from the case it was picked for, in its current state (a reservation_released event).
void release_lapsed_reservation(db::Transaction& tx, const Actor& actor, db::Device& device, const std::string& why);
// Releases every device picked for case `c` (the case was rejected or closed): a reserved one goes back to
// stock, one still tied to the case in another state (shared/devices/lifecycle.h reservation_lapses) is
// untied in its state. The one place a case lets go of its picked device.
void release_picked_for_case(db::Transaction& tx, const Actor& actor, const db::Case& c, const std::string& why);

struct DeliveryCommand {
    db::Id device_id = 0;
    std::string handover;                 // "discharge" | "shipped"
    bool manual_included = false;
    bool training_recorded = false;
    std::string trained_who;              // e.g. "patient, relatives, home care staff"
    bool fitted_and_tested = false;
    std::string not_fitted_reason;
    std::optional<Timestamp> delivered_at;   // recorded afterwards: when it really happened
    std::optional<Date> due_on;              // the review date to keep (an exchange); unset: from the case's loan days
    bool exchange = false;   // a replacement on a delivered case (server/services/exchange.h), not a first delivery
};

// Everything the delivery gate (shared/loans/delivery.h) is asked for this case, device and handover at
// `delivered_at`: what deliver() checks, and what the delivery checklist shows before anything is saved.
DeliveryCheck delivery_gate_check(db::Transaction& tx, const Actor& actor, const db::Case& c, const db::Device& device,
                                  const DeliveryCommand& command, Timestamp delivered_at,
                                  int site_check_max_years = default_site_check_max_years);
// The device picked (reserved) for the case, if any.
std::optional<db::Device> device_picked_for(db::Transaction& tx, const db::Case& c);

struct DeliveryOutcome { db::Loan loan; db::Device device; db::Case c; };
// The gate judges the device and paperwork as of command.delivered_at; a site check counts for
// `site_check_max_years` (the unit's BHM_SITE_CHECK_MAX_YEARS).
DeliveryOutcome deliver(db::Transaction& tx, const Actor& actor, db::Id case_id, const DeliveryCommand& command,
                        int site_check_max_years);

// Ends an open loan for `how` at `at`: a pending transfer of the case ends with its last loan
// (server/services/transfers.h), and the case closes when nothing else of it is out (a case_closed event
// with `data_json`). The one place a loan ends; an exchange instead hands the case to its replacement.
void end_loan(db::Transaction& tx, const Actor& actor, db::Loan& loan, LoanEnd how, Timestamp at,
              const std::string& data_json);

struct ReturnOutcome { db::Loan loan; db::Device device; };
// `returned_at`: when the device really came back (an offline scan's time); clamped to the loan.
// A device still at the patient's after its loan ended (death) is taken back against its pick-up task;
// any open pick-up task of the device is done by the return.
ReturnOutcome return_device(db::Transaction& tx, const Actor& actor, db::Id device_id,
                            std::optional<Timestamp> returned_at = std::nullopt);

// A device reported lost; lost at the patient's, it also ends the loan and closes the case.
db::Device report_device_lost(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& note);

}  // namespace bhm::server
