// Reads the server's SQLite file directly (not through the API), as an auditor would after a crash:
// PRAGMA integrity_check, the answered scans and the events each scan id made, and the invariants that tie
// the current state to the append-only event log (a device's state is its last event's; an open loan
// exactly when on loan; one `received` event per device). Opened read-only; safe while the server runs (WAL).
#pragma once

#include <map>
#include <string>
#include <vector>

struct sqlite3;

namespace bhm::reliability {

class StoreAudit {
public:
    explicit StoreAudit(const std::string& database_path);   // throws when it cannot open
    ~StoreAudit();
    StoreAudit(const StoreAudit&) = delete;
    StoreAudit& operator=(const StoreAudit&) = delete;

    // Every row of a query, each column as text ("" for NULL).
    std::vector<std::vector<std::string>> rows(const std::string& sql) const;
    std::string scalar(const std::string& sql) const;   // the first column of the first row, "" if none

    std::string integrity_check() const;                 // "ok" when the file is sound
    std::map<std::string, int> answered_scans() const;   // scan id -> kept http_status
    std::map<std::string, int> events_per_scan() const;  // scan id -> events that name it
    // Each broken invariant as a sentence; empty when the state agrees with the event log.
    std::vector<std::string> state_disagreements() const;

private:
    sqlite3* db_ = nullptr;
};

}  // namespace bhm::reliability
