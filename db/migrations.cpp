// The migration runner: schema_migrations records what ran; each pending migration runs whole or
// not at all (BEGIN IMMEDIATE ... COMMIT), and the check for "already applied" sits inside the same
// transaction so that two processes opening one file at once never apply a migration twice.
#include "db/migrations.h"

#include <stdexcept>

#include "db/sql_row.h"

namespace bhm::db {

std::vector<int> apply_migrations(Poco::Data::Session& session, const std::vector<Migration>& migrations,
                                  Timestamp now) {
    sql::execute(session,
                 "CREATE TABLE IF NOT EXISTS schema_migrations ("
                 " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
    std::vector<int> applied;
    int previous = 0;
    for (const Migration& migration : migrations) {
        if (migration.version <= previous) {
            throw std::logic_error("migrations must have increasing versions; " + std::to_string(migration.version) +
                                   " follows " + std::to_string(previous));
        }
        previous = migration.version;
        sql::execute(session, "BEGIN IMMEDIATE");
        try {
            auto done = sql::query(session, "SELECT version FROM schema_migrations WHERE version = ?",
                                   sql::params(migration.version));
            if (done.empty()) {
                sql::execute(session, migration.sql);
                sql::execute(session, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
                             sql::params(migration.version, migration.name, now));
                applied.push_back(migration.version);
            }
            sql::execute(session, "COMMIT");
        } catch (const std::exception& error) {
            sql::rollback_quietly(session);
            throw std::runtime_error("migration " + std::to_string(migration.version) + "_" + migration.name +
                                     " failed: " + error.what());
        }
    }
    return applied;
}

}  // namespace bhm::db
