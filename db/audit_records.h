// The store's audit trail: device and case events (append-only), the kept answer of every scan id, and
// the log of who saw a patient's national ID or address (append-only). A narrow interface that
// Transaction inherits; recording an event names only this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"
#include "db/access_records.h"

namespace bhm::db {

class AuditRecords {
public:
    virtual ~AuditRecords() = default;

    // The audit trail (append-only) and answered scans.
    virtual Id append_event(const Event&) = 0;
    virtual std::vector<Event> device_events(Id device_id) = 0;
    virtual std::vector<Event> case_events(Id case_id) = 0;
    virtual std::optional<ScanAnswer> scan_answer(const std::string& scan_id) = 0;
    virtual void insert_scan_answer(const ScanAnswer&) = 0;

    // Who saw a patient's national ID or address (append-only), and the unit's log, oldest first by id.
    virtual Id append_patient_access(const PatientAccess&) = 0;
    virtual std::vector<PatientAccess> patient_access_log(Id unit_id, const Page&) = 0;
};

}  // namespace bhm::db
