// The store's audit trail: device and case events (append-only), the kept answer of every scan id, and
// the log of who saw a patient's national ID or address (append-only). A narrow interface that
// Transaction inherits; recording an event names only this.
#pragma once

#include <cstdint>
#include <functional>
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

    // Runs `then` once this transaction's work has committed: on the calling thread, after the store
    // has let go of its lock, so a log line of the trail says only what is durable and costs the
    // writer nothing. Never run when the work is rolled back. `then` must not throw or touch the store.
    virtual void after_commit(std::function<void()> then) = 0;
};

}  // namespace bhm::db
