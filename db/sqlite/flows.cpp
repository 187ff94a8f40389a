// SQLite Store, the weekly flows of issue 12: decisions (append-only list), complaints and their steps,
// patients' deaths, pick-up tasks, write-offs and transfers between units (migration 0003_flows).
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

DecisionRecord read_decision(const sql::Row& row) {
    DecisionRecord d;
    d.id = row.integer("id");
    d.case_id = row.integer("case_id");
    d.kind = row.text("kind");
    d.approved = row.flag("approved");
    d.grounds = row.text("grounds");
    d.decided_by = row.text("decided_by");
    d.decided_at = row.timestamp("decided_at");
    d.loan_days = row.number("loan_days");
    d.complaint_deadline = row.date("complaint_deadline");
    d.complaint_id = row.optional_integer("complaint_id");
    return d;
}

constexpr const char* complaint_columns =
    "SELECT id, case_id, decision_id, received_on, deadline, within_deadline, summary, status, recorded_at, "
    "recorded_by FROM complaints ";

Complaint read_complaint(const sql::Row& row) {
    Complaint c;
    c.id = row.integer("id");
    c.case_id = row.integer("case_id");
    c.decision_id = row.integer("decision_id");
    c.received_on = row.date("received_on");
    c.deadline = row.date("deadline");
    c.within_deadline = row.flag("within_deadline");
    c.summary = row.text("summary");
    c.status = row.text("status");
    c.recorded_at = row.timestamp("recorded_at");
    c.recorded_by = row.text("recorded_by");
    return c;
}

ComplaintStep read_step(const sql::Row& row) {
    ComplaintStep s;
    s.id = row.integer("id");
    s.complaint_id = row.integer("complaint_id");
    s.kind = row.text("kind");
    s.on_date = row.date("on_date");
    s.result = row.text("result");
    s.grounds = row.text("grounds");
    s.decision_id = row.optional_integer("decision_id");
    s.recorded_at = row.timestamp("recorded_at");
    s.recorded_by = row.text("recorded_by");
    return s;
}

constexpr const char* pickup_columns =
    "SELECT id, unit_id, device_id, case_id, loan_id, reason, note, created_at, created_by, done_at, done_by "
    "FROM pickup_tasks ";

PickupTask read_pickup(const sql::Row& row) {
    PickupTask p;
    p.id = row.integer("id");
    p.unit_id = row.integer("unit_id");
    p.device_id = row.integer("device_id");
    p.case_id = row.integer("case_id");
    p.loan_id = row.integer("loan_id");
    p.reason = row.text("reason");
    p.note = row.text("note");
    p.created_at = row.timestamp("created_at");
    p.created_by = row.text("created_by");
    p.done_at = row.optional_timestamp("done_at");
    p.done_by = row.text("done_by");
    return p;
}

WriteOff read_write_off(const sql::Row& row) {
    WriteOff w;
    w.id = row.integer("id");
    w.unit_id = row.integer("unit_id");
    w.device_id = row.integer("device_id");
    w.category = row.text("category");
    w.reason = row.text("reason");
    w.loan_id = row.optional_integer("loan_id");
    w.written_off_at = row.timestamp("written_off_at");
    w.written_off_by = row.text("written_off_by");
    return w;
}

constexpr const char* transfer_columns =
    "SELECT id, case_id, loan_id, device_id, from_unit_id, to_unit_id, reason, status, requested_at, requested_by, "
    "received_at, received_by, cancelled_at, cancelled_by, cancel_reason FROM transfers ";

Transfer read_transfer(const sql::Row& row) {
    Transfer t;
    t.id = row.integer("id");
    t.case_id = row.integer("case_id");
    t.loan_id = row.integer("loan_id");
    t.device_id = row.integer("device_id");
    t.from_unit_id = row.integer("from_unit_id");
    t.to_unit_id = row.integer("to_unit_id");
    t.reason = row.text("reason");
    t.status = row.text("status");
    t.requested_at = row.timestamp("requested_at");
    t.requested_by = row.text("requested_by");
    t.received_at = row.optional_timestamp("received_at");
    t.received_by = row.text("received_by");
    t.cancelled_at = row.optional_timestamp("cancelled_at");
    t.cancelled_by = row.text("cancelled_by");
    t.cancel_reason = row.text("cancel_reason");
    return t;
}

}  // namespace

Id SqliteTransaction::insert_decision(const DecisionRecord& d) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO decisions (case_id, kind, approved, grounds, decided_by, decided_at, loan_days, "
        "complaint_deadline, complaint_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(d.case_id, d.kind, d.approved, d.grounds, d.decided_by, d.decided_at, d.loan_days,
                    d.complaint_deadline, d.complaint_id));
}

std::vector<DecisionRecord> SqliteTransaction::decisions(Id case_id) {
    return sql::query(session_,
                      "SELECT id, case_id, kind, approved, grounds, decided_by, decided_at, loan_days, "
                      "complaint_deadline, complaint_id FROM decisions WHERE case_id = ? ORDER BY id",
                      sql::params(case_id))
        .map<DecisionRecord>(read_decision);
}

Id SqliteTransaction::insert_complaint(const Complaint& c) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO complaints (case_id, decision_id, received_on, deadline, within_deadline, summary, status, "
        "recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(c.case_id, c.decision_id, c.received_on, c.deadline, c.within_deadline, c.summary, c.status,
                    c.recorded_at, c.recorded_by));
}

void SqliteTransaction::update_complaint_status(Id complaint_id, const std::string& status) {
    if (sql::execute(session_, "UPDATE complaints SET status = ? WHERE id = ?", sql::params(status, complaint_id)) == 0)
        throw std::invalid_argument("no complaint with id " + std::to_string(complaint_id));
}

std::optional<Complaint> SqliteTransaction::complaint(Id id) {
    return sql::query(session_, std::string(complaint_columns) + "WHERE id = ?", sql::params(id))
        .first<Complaint>(read_complaint);
}

std::vector<Complaint> SqliteTransaction::complaints(Id case_id) {
    return sql::query(session_, std::string(complaint_columns) + "WHERE case_id = ? ORDER BY id", sql::params(case_id))
        .map<Complaint>(read_complaint);
}

Id SqliteTransaction::insert_complaint_step(const ComplaintStep& s) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO complaint_steps (complaint_id, kind, on_date, result, grounds, decision_id, recorded_at, "
        "recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(s.complaint_id, s.kind, s.on_date, s.result, s.grounds, s.decision_id, s.recorded_at,
                    s.recorded_by));
}

std::vector<ComplaintStep> SqliteTransaction::complaint_steps(Id complaint_id) {
    return sql::query(session_,
                      "SELECT id, complaint_id, kind, on_date, result, grounds, decision_id, recorded_at, recorded_by "
                      "FROM complaint_steps WHERE complaint_id = ? ORDER BY id",
                      sql::params(complaint_id))
        .map<ComplaintStep>(read_step);
}

void SqliteTransaction::insert_patient_death(const PatientDeath& d) {
    sql::execute(session_,
                 "INSERT INTO patient_deaths (patient_id, died_on, recorded_at, recorded_by) VALUES (?, ?, ?, ?)",
                 sql::params(d.patient_id, d.died_on, d.recorded_at, d.recorded_by));
}

std::optional<PatientDeath> SqliteTransaction::patient_death(Id patient_id) {
    return sql::query(session_,
                      "SELECT patient_id, died_on, recorded_at, recorded_by FROM patient_deaths WHERE patient_id = ?",
                      sql::params(patient_id))
        .first<PatientDeath>([](const sql::Row& row) {
            return PatientDeath{row.integer("patient_id"), row.date("died_on"), row.timestamp("recorded_at"),
                                row.text("recorded_by")};
        });
}

std::vector<Case> SqliteTransaction::cases_of_patient(Id patient_id) {
    auto ids = sql::query(session_, "SELECT id FROM cases WHERE patient_id = ? ORDER BY id", sql::params(patient_id))
                   .map<Id>([](const sql::Row& row) { return row.integer("id"); });
    std::vector<Case> out;
    for (Id id : ids)
        if (auto c = case_by_id(id)) out.push_back(*c);
    return out;
}

void SqliteTransaction::move_loan_to_unit(Id loan_id, Id unit_id) {
    if (sql::execute(session_, "UPDATE loans SET unit_id = ? WHERE id = ?", sql::params(unit_id, loan_id)) == 0)
        throw std::invalid_argument("no loan with id " + std::to_string(loan_id));
}

Id SqliteTransaction::insert_pickup_task(const PickupTask& p) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO pickup_tasks (unit_id, device_id, case_id, loan_id, reason, note, created_at, created_by, "
        "done_at, done_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(p.unit_id, p.device_id, p.case_id, p.loan_id, p.reason, p.note, p.created_at, p.created_by,
                    p.done_at, p.done_by));
}

void SqliteTransaction::close_pickup_task(Id id, Timestamp at, const std::string& by) {
    if (sql::execute(session_, "UPDATE pickup_tasks SET done_at = ?, done_by = ? WHERE id = ? AND done_at IS NULL",
                     sql::params(at, by, id)) == 0)
        throw StaleWrite("pick-up task " + std::to_string(id) + " is already done");
}

std::optional<PickupTask> SqliteTransaction::open_pickup_task_for_device(Id device_id) {
    return sql::query(session_, std::string(pickup_columns) + "WHERE device_id = ? AND done_at IS NULL",
                      sql::params(device_id))
        .first<PickupTask>(read_pickup);
}

std::vector<PickupTask> SqliteTransaction::open_pickup_tasks(Id unit_id) {
    return sql::query(session_, std::string(pickup_columns) + "WHERE unit_id = ? AND done_at IS NULL ORDER BY id",
                      sql::params(unit_id))
        .map<PickupTask>(read_pickup);
}

Id SqliteTransaction::insert_write_off(const WriteOff& w) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO write_offs (unit_id, device_id, category, reason, loan_id, written_off_at, written_off_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(w.unit_id, w.device_id, w.category, w.reason, w.loan_id, w.written_off_at, w.written_off_by));
}

std::vector<WriteOff> SqliteTransaction::write_offs_between(Id unit_id, Timestamp from, Timestamp to) {
    return sql::query(session_,
                      "SELECT id, unit_id, device_id, category, reason, loan_id, written_off_at, written_off_by "
                      "FROM write_offs WHERE unit_id = ? AND written_off_at >= ? AND written_off_at <= ? ORDER BY id",
                      sql::params(unit_id, from, to))
        .map<WriteOff>(read_write_off);
}

Id SqliteTransaction::insert_transfer(const Transfer& t) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO transfers (case_id, loan_id, device_id, from_unit_id, to_unit_id, reason, status, requested_at, "
        "requested_by, received_at, received_by, cancelled_at, cancelled_by, cancel_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(t.case_id, t.loan_id, t.device_id, t.from_unit_id, t.to_unit_id, t.reason, t.status,
                    t.requested_at, t.requested_by, t.received_at, t.received_by, t.cancelled_at, t.cancelled_by,
                    t.cancel_reason));
}

void SqliteTransaction::update_transfer(const Transfer& t) {
    if (sql::execute(session_,
                     "UPDATE transfers SET status = ?, loan_id = ?, device_id = ?, received_at = ?, received_by = ?, "
                     "cancelled_at = ?, cancelled_by = ?, cancel_reason = ? WHERE id = ?",
                     sql::params(t.status, t.loan_id, t.device_id, t.received_at, t.received_by, t.cancelled_at,
                                 t.cancelled_by, t.cancel_reason, t.id)) == 0)
        throw std::invalid_argument("no transfer with id " + std::to_string(t.id));
}

std::optional<Transfer> SqliteTransaction::transfer(Id id) {
    return sql::query(session_, std::string(transfer_columns) + "WHERE id = ?", sql::params(id))
        .first<Transfer>(read_transfer);
}

std::optional<Transfer> SqliteTransaction::pending_transfer_of_case(Id case_id) {
    return sql::query(session_, std::string(transfer_columns) + "WHERE case_id = ? AND status = 'pending'",
                      sql::params(case_id))
        .first<Transfer>(read_transfer);
}

std::vector<Transfer> SqliteTransaction::transfers_of_unit(Id unit_id) {
    return sql::query(session_,
                      std::string(transfer_columns) + "WHERE from_unit_id = ? OR to_unit_id = ? ORDER BY id DESC",
                      sql::params(unit_id, unit_id))
        .map<Transfer>(read_transfer);
}

}  // namespace bhm::db
