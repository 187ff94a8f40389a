// SQLite Store, the audit trail and answered scans. Both are append-only: there is no update or
// delete here, and the event log reads back in the order it was written (by id).
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/hot_queries.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

constexpr const char* event_columns = sqlite_sql::event_select;

Event read_event(const sql::Row& row) {
    Event event;
    event.id = row.integer("id");
    event.unit_id = row.integer("unit_id");
    event.device_id = row.optional_integer("device_id");
    event.case_id = row.optional_integer("case_id");
    event.at = row.timestamp("at");
    event.actor = row.text("actor");
    event.station = row.text("station");
    event.scan_id = row.text("scan_id");
    event.kind = row.text("kind");
    event.before_state = row.text("before_state");
    event.after_state = row.text("after_state");
    event.data_json = row.text("data_json");
    return event;
}

ScanAnswer read_scan_answer(const sql::Row& row) {
    return {row.text("id"),        row.integer("unit_id"),        row.text("station"),
            row.number("http_status"), row.text("body_json"), row.timestamp("answered_at"),
            row.text("request_fingerprint")};
}

}  // namespace

void SqliteTransaction::after_commit(std::function<void()> then) {
    if (!after_commit_) throw std::logic_error("after_commit outside a store write or read");
    after_commit_->push_back(std::move(then));
}

Id SqliteTransaction::append_event(const Event& event) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO events (unit_id, device_id, case_id, at, actor, station, scan_id, kind, before_state, "
        "after_state, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(event.unit_id, event.device_id, event.case_id, event.at, event.actor, event.station,
                    event.scan_id, event.kind, event.before_state, event.after_state, event.data_json));
}

std::vector<Event> SqliteTransaction::device_events(Id device_id) {
    return sql::query(session_, sqlite_sql::device_events, sql::params(device_id))
        .map<Event>(read_event);
}

std::vector<Event> SqliteTransaction::case_events(Id case_id) {
    return sql::query(session_, std::string(event_columns) + "WHERE case_id = ? ORDER BY id", sql::params(case_id))
        .map<Event>(read_event);
}

std::optional<ScanAnswer> SqliteTransaction::scan_answer(const std::string& scan_id) {
    return sql::query(session_,
                      "SELECT id, unit_id, station, http_status, body_json, answered_at, request_fingerprint "
                      "FROM scans WHERE id = ?",
                      sql::params(scan_id))
        .first<ScanAnswer>(read_scan_answer);
}

void SqliteTransaction::insert_scan_answer(const ScanAnswer& answer) {
    sql::execute(session_,
                 "INSERT INTO scans (id, unit_id, station, http_status, body_json, answered_at, "
                 "request_fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?)",
                 sql::params(answer.id, answer.unit_id, answer.station, answer.http_status, answer.body_json,
                             answer.answered_at, answer.request_fingerprint));
}

}  // namespace bhm::db
