// Online backup: sqlite3_backup_step(-1) copies every page inside one read transaction.
#include "db/sqlite/online_backup.h"

#include <sqlite3.h>
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>

namespace bhm::db {
namespace {

struct Closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Connection open(const std::string& path, int flags) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
    Connection db(raw);
    if (rc != SQLITE_OK)
        throw std::runtime_error("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
    sqlite3_busy_timeout(raw, 5000);
    return db;
}

}  // namespace

BackupResult backup_sqlite(const std::string& database, const std::string& target) {
    if (!std::filesystem::exists(database)) throw std::runtime_error("no database at " + database);
    const std::string partial = target + ".partial";
    std::remove(partial.c_str());
    BackupResult result;
    {
        Connection source = open(database, SQLITE_OPEN_READONLY);
        Connection copy = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
        ::chmod(partial.c_str(), 0600);
        sqlite3_backup* backup = sqlite3_backup_init(copy.get(), "main", source.get(), "main");
        if (!backup) throw std::runtime_error(std::string("cannot start the backup: ") + sqlite3_errmsg(copy.get()));
        int rc;
        do {
            rc = sqlite3_backup_step(backup, -1);   // all pages at once: one consistent snapshot
            if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(50);
        } while (rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
        result.pages = sqlite3_backup_pagecount(backup);
        sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE) {
            std::remove(partial.c_str());
            throw std::runtime_error(std::string("the backup failed: ") + sqlite3_errstr(rc));
        }
        char* error = nullptr;
        if (sqlite3_exec(copy.get(), "PRAGMA journal_mode=DELETE", nullptr, nullptr, &error) != SQLITE_OK) {
            std::string why = error ? error : "unknown";
            sqlite3_free(error);
            throw std::runtime_error("the backup could not be made self-contained: " + why);
        }
    }
    std::filesystem::rename(partial, target);
    result.bytes = static_cast<long long>(std::filesystem::file_size(target));
    return result;
}

}  // namespace bhm::db
