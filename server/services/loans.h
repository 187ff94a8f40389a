// The loan of a device to a patient: picking it for the case (reservation),
// delivery through the gate in shared/loans/delivery.h, and its return.
#pragma once

#include "server/services/actor.h"
#include "shared/loans/delivery.h"

namespace bhm::server {

// What the delivery gate (shared/loans/delivery.h) is asked about this case and device today, from the
// records; the handover items (manual, training, fitted and tested) are left for the caller to fill in.
DeliveryCheck delivery_check(db::Transaction& tx, const db::Case& c, const db::Device& device, Date today);

struct ReserveOutcome { db::Device device; bool already_reserved = false; };
ReserveOutcome reserve_for_case(db::Transaction& tx, const Actor& actor, db::Id case_id, db::Id device_id);

// Puts a picked device back on the shelf (the case keeps waiting for another).
db::Device release_reservation(db::Transaction& tx, const Actor& actor, db::Id device_id);

struct DeliveryCommand {
    db::Id device_id = 0;
    std::string handover;                 // "discharge" | "shipped"
    bool manual_included = false;
    bool training_recorded = false;
    std::string trained_who;              // e.g. "patient, relatives, home care staff"
    bool fitted_and_tested = false;
    std::string not_fitted_reason;
    std::optional<Timestamp> delivered_at;   // recorded afterwards: when it really happened
};

struct DeliveryOutcome { db::Loan loan; db::Device device; db::Case c; };
DeliveryOutcome deliver(db::Transaction& tx, const Actor& actor, db::Id case_id, const DeliveryCommand& command);

struct ReturnOutcome { db::Loan loan; db::Device device; };
// `returned_at`: when the device really came back (an offline scan's time); clamped to the loan.
ReturnOutcome return_device(db::Transaction& tx, const Actor& actor, db::Id device_id,
                            std::optional<Timestamp> returned_at = std::nullopt);

// A device reported lost; lost at the patient's, it also ends the loan and closes the case.
db::Device report_device_lost(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& note);

}  // namespace bhm::server
