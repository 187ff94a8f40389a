// The raw sqlite3 baseline (see raw_sqlite.h). Statements are prepared once and only bound and
// stepped per write, so the figure is SQLite's own cost plus the fsyncs, nothing else.
#include "raw_sqlite.h"

#include <stdexcept>

namespace bhm::bench {

RawSqlite::RawSqlite(const std::string& path) {
    const int rc = sqlite3_open(path.c_str(), &db_);
    if (rc != SQLITE_OK) {
        const std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw std::runtime_error("raw sqlite: cannot open " + path + ": " + message);
    }
    try {
        exec("PRAGMA journal_mode=WAL");
        exec("PRAGMA synchronous=FULL");
        exec("CREATE TABLE scratch (id INTEGER PRIMARY KEY, n INTEGER NOT NULL, note TEXT NOT NULL)");
        exec("CREATE TABLE events (id INTEGER PRIMARY KEY, unit_id INTEGER NOT NULL, at TEXT NOT NULL, "
             "actor TEXT NOT NULL, station TEXT NOT NULL, scan_id TEXT NOT NULL, kind TEXT NOT NULL, "
             "data_json TEXT NOT NULL)");
        exec("CREATE TABLE scans (id TEXT PRIMARY KEY, unit_id INTEGER NOT NULL, station TEXT NOT NULL, "
             "http_status INTEGER NOT NULL, body_json TEXT NOT NULL, answered_at TEXT NOT NULL)");
        insert_row_ = prepare("INSERT INTO scratch (n, note) VALUES (?, 'benchmark row')");
        insert_event_ = prepare("INSERT INTO events (unit_id, at, actor, station, scan_id, kind, data_json) "
                                "VALUES (1, '2026-01-01T00:00:00Z', 'station:bench', 'bench', ?, 'counted', '{}')");
        insert_answer_ = prepare("INSERT INTO scans (id, unit_id, station, http_status, body_json, answered_at) "
                                 "VALUES (?, 1, 'bench', 200, ?, '2026-01-01T00:00:00Z')");
    } catch (...) {
        sqlite3_finalize(insert_row_);
        sqlite3_finalize(insert_event_);
        sqlite3_close(db_);
        throw;
    }
}

RawSqlite::~RawSqlite() {
    sqlite3_finalize(insert_row_);
    sqlite3_finalize(insert_event_);
    sqlite3_finalize(insert_answer_);
    sqlite3_close(db_);
}

void RawSqlite::insert_row(long long n) {
    exec("BEGIN");
    check(sqlite3_bind_int64(insert_row_, 1, n), "bind");
    step_once(insert_row_);
    exec("COMMIT");
}

void RawSqlite::insert_rows(long long first, int count) {
    exec("BEGIN");
    for (int i = 0; i < count; ++i) {
        check(sqlite3_bind_int64(insert_row_, 1, first + i), "bind");
        step_once(insert_row_);
    }
    exec("COMMIT");
}

void RawSqlite::insert_event_and_answer(const std::string& scan_id, const std::string& body_json) {
    exec("BEGIN");
    check(sqlite3_bind_text(insert_event_, 1, scan_id.c_str(), -1, SQLITE_TRANSIENT), "bind");
    step_once(insert_event_);
    check(sqlite3_bind_text(insert_answer_, 1, scan_id.c_str(), -1, SQLITE_TRANSIENT), "bind");
    check(sqlite3_bind_text(insert_answer_, 2, body_json.c_str(), -1, SQLITE_TRANSIENT), "bind");
    step_once(insert_answer_);
    exec("COMMIT");
}

void RawSqlite::exec(const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        const std::string message = error ? error : sqlite3_errmsg(db_);
        sqlite3_free(error);
        throw std::runtime_error(std::string("raw sqlite: ") + sql + ": " + message);
    }
}

sqlite3_stmt* RawSqlite::prepare(const char* sql) {
    sqlite3_stmt* statement = nullptr;
    check(sqlite3_prepare_v2(db_, sql, -1, &statement, nullptr), sql);
    return statement;
}

void RawSqlite::step_once(sqlite3_stmt* statement) {
    const int rc = sqlite3_step(statement);
    sqlite3_reset(statement);
    if (rc != SQLITE_DONE) check(rc, "insert");
}

void RawSqlite::check(int rc, const char* what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE)
        throw std::runtime_error(std::string("raw sqlite: ") + what + ": " + sqlite3_errmsg(db_));
}

}  // namespace bhm::bench
