// Recording an electrical-safety inspection (IEC 62353 recurrent test) and
// service orders. The pass/fail verdict is computed by shared/inspection from
// the model's protection class and applied part; the technician does not choose it.
#pragma once

#include "server/services/actor.h"
#include "shared/inspection/iec62353.h"

namespace bhm::server {

// The tester is the logged-in user (a named person); the instrument is named by its identity in the
// unit's register (services/instruments.h), which gives its calibration.
struct InspectionCommand {
    InspectionMeasurements measurements;
    std::string instrument, notes;
};

struct InspectionOutcome {
    db::Inspection inspection;
    InspectionVerdict verdict;
    db::Device device;
    std::optional<db::ServiceOrder> service_order;   // opened by a failed inspection
};

// A failed inspection of a device in the warehouse opens a service order (the failed checks as the fault)
// and, if the device was picked for a case, releases it from that case.
InspectionOutcome record_inspection(db::Transaction& tx, const Actor& actor, db::Id device_id,
                                    const InspectionCommand& command);

db::ServiceOrder open_service_order(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& fault);
db::ServiceOrder add_service_work(db::Transaction& tx, const Actor& actor, db::Id order_id, const std::string& work,
                                  const std::string& parts);
db::ServiceOrder close_service_order(db::Transaction& tx, const Actor& actor, db::Id order_id);
db::ServiceOrder own_service_order(db::InspectionRecords& tx, const Actor& actor, db::Id order_id);

}  // namespace bhm::server
