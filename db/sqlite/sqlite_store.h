// The SQLite Store (open it with open_sqlite_store in db/store.h). Declared here so that tests and
// operations tools can see the connection settings actually in force (pragmas()).
#pragma once

#include <functional>
#include <mutex>
#include <span>
#include <string>

#include "db/sql_connection.h"

#include "db/sqlite/group_commit.h"
#include "db/sqlite/reader_pool.h"
#include "db/store.h"

namespace bhm::db {

// What the store's connection runs with, read back from SQLite itself.
struct SqlitePragmas {
    std::string journal_mode;  // "wal"
    int synchronous = 0;       // 2 = FULL
    bool foreign_keys = false;
    int busy_timeout_ms = 0;
};

class SqliteStore final : public Store {
public:
    // Opens (creating the file and its folder if needed), sets the pragmas, applies pending
    // migrations and upserts the reference categories.
    explicit SqliteStore(const std::string& path);

    void write(const std::function<void(Transaction&)>& work) override;
    void read(const std::function<void(Transaction&)>& work) override;
    std::vector<std::exception_ptr> write_each(const std::vector<std::function<void(Transaction&)>>& works) override;

    SqlitePragmas pragmas();
    // Writes waiting for the next group commit (for tests and monitoring).
    std::size_t waiting_writes() { return groups_.waiting(); }

private:
    void commit_group(std::span<GroupCommit::Pending* const> group);

    sql::Connection session_;      // the one writing connection, used by a group's leader only
    std::mutex writer_;            // held while a group runs (and by pragmas())
    GroupCommit groups_;
    ReaderPool readers_;
};

}  // namespace bhm::db
