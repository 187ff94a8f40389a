// The rows of the weekly flows (issue 12): decisions as a list, complaints and their steps, deaths,
// pick-up tasks, write-offs and transfers. Kept apart from records.h so the flows stay in their own files.
#pragma once

#include <optional>
#include <string>

#include "db/records.h"

namespace bhm::db {

// kind: "initial" | "reassessment" | "county_governor"
struct DecisionRecord {
    Id id = 0; Id case_id = 0; std::string kind;
    bool approved = false; std::string grounds, decided_by; Timestamp decided_at;
    int loan_days = 0; Date complaint_deadline; std::optional<Id> complaint_id;
};

struct Complaint {
    Id id = 0; Id case_id = 0; Id decision_id = 0;
    Date received_on, deadline; bool within_deadline = true; std::string summary;
    std::string status;                      // shared/cases/complaint.h ComplaintStatus
    Timestamp recorded_at; std::string recorded_by;
};

// kind: "reassessed" | "forwarded" | "outcome"; result: kept/reversed, or Statsforvalteren's outcome
struct ComplaintStep {
    Id id = 0; Id complaint_id = 0; std::string kind; Date on_date; std::string result, grounds;
    std::optional<Id> decision_id; Timestamp recorded_at; std::string recorded_by;
};

struct PatientDeath { Id patient_id = 0; Date died_on; Timestamp recorded_at; std::string recorded_by; };

// reason: "death" | "review_return"
struct PickupTask {
    Id id = 0; Id unit_id = 0; Id device_id = 0; Id case_id = 0; Id loan_id = 0;
    std::string reason, note; Timestamp created_at; std::string created_by;
    std::optional<Timestamp> done_at; std::string done_by;
};

struct WriteOff {
    Id id = 0; Id unit_id = 0; Id device_id = 0; std::string category, reason;
    std::optional<Id> loan_id; Timestamp written_off_at; std::string written_off_by;
};

// status: "pending" | "received" | "cancelled" (shared/cases/transfer.h). loan_id and device_id: the case's
// loan when started, and the one carried over when received (an exchange in between swaps them).
struct Transfer {
    Id id = 0; Id case_id = 0; Id loan_id = 0; Id device_id = 0; Id from_unit_id = 0; Id to_unit_id = 0;
    std::string reason, status; Timestamp requested_at; std::string requested_by;
    std::optional<Timestamp> received_at; std::string received_by;
    std::optional<Timestamp> cancelled_at; std::string cancelled_by, cancel_reason;
};

}  // namespace bhm::db
