// StoreAudit over the sqlite3 C API: read-only queries on the server's database file.
#include "store_audit.h"

#include <sqlite3.h>

#include <stdexcept>

namespace bhm::reliability {

StoreAudit::StoreAudit(const std::string& database_path) {
    if (sqlite3_open_v2(database_path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
        std::string why = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw std::runtime_error("cannot open " + database_path + ": " + why);
    }
    sqlite3_busy_timeout(db_, 5000);
}

StoreAudit::~StoreAudit() { sqlite3_close(db_); }

std::vector<std::vector<std::string>> StoreAudit::rows(const std::string& sql) const {
    sqlite3_stmt* statement = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &statement, nullptr) != SQLITE_OK)
        throw std::runtime_error("bad audit query: " + sql + ": " + sqlite3_errmsg(db_));
    std::vector<std::vector<std::string>> result;
    int step = 0;
    while ((step = sqlite3_step(statement)) == SQLITE_ROW) {
        std::vector<std::string> row;
        for (int c = 0; c < sqlite3_column_count(statement); ++c) {
            const auto* text = sqlite3_column_text(statement, c);
            row.emplace_back(text ? reinterpret_cast<const char*>(text) : "");
        }
        result.push_back(std::move(row));
    }
    const std::string error = step == SQLITE_DONE ? "" : sqlite3_errmsg(db_);
    sqlite3_finalize(statement);
    if (!error.empty()) throw std::runtime_error("audit query failed: " + sql + ": " + error);
    return result;
}

std::string StoreAudit::scalar(const std::string& sql) const {
    auto all = rows(sql);
    return all.empty() || all.front().empty() ? "" : all.front().front();
}

std::string StoreAudit::integrity_check() const {
    std::string text;
    for (const auto& row : rows("PRAGMA integrity_check")) text += (text.empty() ? "" : "; ") + row.at(0);
    return text;
}

std::map<std::string, int> StoreAudit::answered_scans() const {
    std::map<std::string, int> answered;
    for (const auto& row : rows("SELECT id, http_status FROM scans")) answered[row[0]] = std::stoi(row[1]);
    return answered;
}

std::map<std::string, int> StoreAudit::events_per_scan() const {
    std::map<std::string, int> counted;
    for (const auto& row : rows("SELECT scan_id, count(*) FROM events WHERE scan_id <> '' GROUP BY scan_id"))
        counted[row[0]] = std::stoi(row[1]);
    return counted;
}

std::vector<std::string> StoreAudit::state_disagreements() const {
    std::vector<std::string> found;
    auto each = [&](const std::string& what, const std::string& sql) {
        for (const auto& row : rows(sql)) {
            std::string line = what + ":";
            for (const auto& cell : row) line += " " + cell;
            found.push_back(line);
        }
    };
    // Case events (case_*) also name the device; the device's own events are the others.
    each("device state is not its last event's after_state (device, state, last kind, after_state)",
         "SELECT d.id, d.state, e.kind, e.after_state FROM devices d JOIN events e ON e.id = "
         "(SELECT max(id) FROM events WHERE device_id = d.id AND kind NOT LIKE 'case\\_%' ESCAPE '\\') "
         "WHERE e.after_state <> d.state");
    each("device without any event of its own (device)",
         "SELECT d.id FROM devices d WHERE NOT EXISTS (SELECT 1 FROM events WHERE device_id = d.id "
         "AND kind NOT LIKE 'case\\_%' ESCAPE '\\')");
    each("device without exactly one received event (device, received events)",
         "SELECT d.id, (SELECT count(*) FROM events WHERE device_id = d.id AND kind = 'received') AS n "
         "FROM devices d WHERE n <> 1");
    each("device on loan without exactly one open loan, or an open loan not on loan (device, state, open loans)",
         "SELECT d.id, d.state, (SELECT count(*) FROM loans WHERE device_id = d.id AND returned_at IS NULL) AS n "
         "FROM devices d WHERE (d.state = 'on_loan') <> (n = 1) OR n > 1");
    each("device reserved without its case, or a case on a device not reserved (device, state, case)",
         "SELECT id, state, reserved_case_id FROM devices WHERE (state = 'reserved') <> (reserved_case_id IS NOT NULL)");
    each("event naming a scan that has no kept answer (event, scan id)",
         "SELECT e.id, e.scan_id FROM events e WHERE e.scan_id <> '' AND NOT EXISTS "
         "(SELECT 1 FROM scans s WHERE s.id = e.scan_id)");
    each("case with more decision entries than its history allows, or none while decided (case, status, decisions)",
         "SELECT c.id, c.status, (SELECT count(*) FROM decisions WHERE case_id = c.id AND kind = 'initial') AS n "
         "FROM cases c WHERE n > 1 OR (c.decided_at IS NOT NULL AND n = 0) OR (c.decided_at IS NULL AND n > 0)");
    each("foreign key broken (table, rowid, parent)", "PRAGMA foreign_key_check");
    return found;
}

}  // namespace bhm::reliability
