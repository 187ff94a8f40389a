// The SQLite Store (open it with open_sqlite_store in db/store.h). Declared here so that tests and
// operations tools can see the connection settings actually in force (pragmas()).
#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include <Poco/Data/Session.h>

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

    SqlitePragmas pragmas();

private:
    void run(const char* begin, bool read_only, const std::function<void(Transaction&)>& work);
    void query_only_off();

    std::mutex mutex_;
    std::atomic<std::thread::id> owner_{};  // the thread inside write()/read(), to refuse nesting
    Poco::Data::Session session_;
};

}  // namespace bhm::db
