// An online backup of the SQLite database with SQLite's own backup API, taken while the server
// runs: a consistent copy as of the moment the copy began (WAL lets the server write meanwhile).
// The copy is written beside the target and renamed into place only when whole, mode 0600.
#pragma once

#include <string>

namespace bhm::db {

struct BackupResult {
    long long pages = 0;
    long long bytes = 0;
};

// Copies the database at `database` to `target`; throws std::runtime_error with SQLite's words.
BackupResult backup_sqlite(const std::string& database, const std::string& target);

}  // namespace bhm::db
