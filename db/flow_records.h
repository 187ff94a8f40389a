// The rows of the weekly flows (issue 12): decisions as a list, complaints and their steps, deaths,
// pick-up tasks, write-offs and transfers, and FlowRecords, the narrow interface over them that
// Transaction inherits. Kept apart from records.h so the flows stay in their own files.
#pragma once

#include <optional>
#include <string>
#include <vector>

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

class FlowRecords {
public:
    virtual ~FlowRecords() = default;

    // The weekly flows (issue 12): decisions as an append-only list, complaints, deaths, pick-ups,
    // write-offs and transfers (db/flow_records.h).
    virtual Id insert_decision(const DecisionRecord&) = 0;
    virtual std::vector<DecisionRecord> decisions(Id case_id) = 0;           // oldest first
    virtual Id insert_complaint(const Complaint&) = 0;
    virtual void update_complaint_status(Id complaint_id, const std::string& status) = 0;
    virtual std::optional<Complaint> complaint(Id) = 0;
    virtual std::vector<Complaint> complaints(Id case_id) = 0;
    virtual Id insert_complaint_step(const ComplaintStep&) = 0;              // append-only
    virtual std::vector<ComplaintStep> complaint_steps(Id complaint_id) = 0;
    virtual void insert_patient_death(const PatientDeath&) = 0;
    virtual std::optional<PatientDeath> patient_death(Id patient_id) = 0;
    virtual std::vector<Case> cases_of_patient(Id patient_id) = 0;
    virtual void move_loan_to_unit(Id loan_id, Id unit_id) = 0;
    virtual Id insert_pickup_task(const PickupTask&) = 0;
    virtual void close_pickup_task(Id id, Timestamp at, const std::string& by) = 0;
    virtual std::optional<PickupTask> open_pickup_task_for_device(Id device_id) = 0;
    virtual std::vector<PickupTask> open_pickup_tasks(Id unit_id) = 0;
    virtual Id insert_write_off(const WriteOff&) = 0;
    virtual std::vector<WriteOff> write_offs_between(Id unit_id, Timestamp from, Timestamp to) = 0;
    virtual Id insert_transfer(const Transfer&) = 0;
    virtual void update_transfer(const Transfer&) = 0;   // status, receipt or cancellation, the loan carried
    virtual std::optional<Transfer> transfer(Id) = 0;
    virtual std::optional<Transfer> pending_transfer_of_case(Id case_id) = 0;
    virtual std::vector<Transfer> transfers_of_unit(Id unit_id) = 0;         // sent or received, newest first
};

}  // namespace bhm::db
