// The SQLite Store: one Poco session on a WAL-mode file with synchronous=FULL, so a write() that
// returned has reached the disk. write() is BEGIN IMMEDIATE ... COMMIT, rolled back on any exception.
// Reads and writes share the one session under one mutex: simple and correct; a reader pool is a
// later performance step (WAL already lets other processes read while this one writes).
#include "db/sqlite/sqlite_store.h"

#include <chrono>
#include <filesystem>
#include <stdexcept>

#include <Poco/Data/SQLite/Connector.h>

#include "db/migrations.h"
#include "db/reference_data.h"
#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

constexpr int busy_timeout_ms = 10000;  // how long to wait for another process's write lock

Poco::Data::Session open_session(const std::string& path) {
    if (path.empty()) throw std::invalid_argument("the SQLite store needs a file path");
    static std::once_flag registered;
    std::call_once(registered, [] { Poco::Data::SQLite::Connector::registerConnector(); });
    const std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (!parent.empty()) {
        std::error_code error;
        std::filesystem::create_directories(parent, error);
        if (error) throw std::runtime_error("cannot create the folder " + parent.string() + ": " + error.message());
    }
    try {
        return Poco::Data::Session("SQLite", path);
    } catch (const Poco::Exception& error) {
        throw std::runtime_error("cannot open the SQLite store at " + path + ": " + error.displayText());
    }
}

Timestamp system_now() {
    using namespace std::chrono;
    return Timestamp{duration_cast<seconds>(system_clock::now().time_since_epoch()).count()};
}

// Marks the thread inside write()/read() for as long as it is inside.
class Inside {
public:
    explicit Inside(std::atomic<std::thread::id>& owner) : owner_(owner) { owner_ = std::this_thread::get_id(); }
    ~Inside() { owner_ = std::thread::id(); }
    Inside(const Inside&) = delete;
    Inside& operator=(const Inside&) = delete;

private:
    std::atomic<std::thread::id>& owner_;
};

}  // namespace

SqliteStore::SqliteStore(const std::string& path) : session_(open_session(path)) {
    auto mode = sql::query(session_, "PRAGMA journal_mode = WAL");
    const std::string journal = mode.empty() ? "" : mode[0].text("journal_mode");
    if (journal != "wal") {
        throw std::runtime_error("the SQLite store at " + path + " cannot use WAL mode (it is '" + journal + "')");
    }
    sql::execute(session_, "PRAGMA synchronous = FULL");
    sql::execute(session_, "PRAGMA foreign_keys = ON");
    sql::query(session_, "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms));
    apply_migrations(session_, embedded_migrations(), system_now());
    write([](Transaction& transaction) {
        seed_reference_categories(transaction);
        seed_reference_consumables(transaction);
    });
}

void SqliteStore::write(const std::function<void(Transaction&)>& work) { run("BEGIN IMMEDIATE", false, work); }

void SqliteStore::read(const std::function<void(Transaction&)>& work) { run("BEGIN", true, work); }

SqlitePragmas SqliteStore::pragmas() {
    if (owner_ == std::this_thread::get_id()) throw std::logic_error("SqliteStore::pragmas called inside write/read");
    std::lock_guard<std::mutex> lock(mutex_);
    SqlitePragmas pragmas;
    pragmas.journal_mode = sql::query(session_, "PRAGMA journal_mode")[0].text("journal_mode");
    pragmas.synchronous = sql::query(session_, "PRAGMA synchronous")[0].number("synchronous");
    pragmas.foreign_keys = sql::query(session_, "PRAGMA foreign_keys")[0].flag("foreign_keys");
    pragmas.busy_timeout_ms = sql::query(session_, "PRAGMA busy_timeout")[0].number("timeout");
    return pragmas;
}

// Nested calls on one thread would deadlock on the mutex; they are refused instead.
void SqliteStore::run(const char* begin, bool read_only, const std::function<void(Transaction&)>& work) {
    if (owner_ == std::this_thread::get_id()) {
        throw std::logic_error("Store::write/read called inside another on the same thread; "
                               "use the Transaction you were given");
    }
    std::lock_guard<std::mutex> lock(mutex_);
    Inside inside(owner_);
    if (read_only) sql::execute(session_, "PRAGMA query_only = ON");
    try {
        sql::execute(session_, begin);
        SqliteTransaction transaction(session_);
        work(transaction);
        sql::execute(session_, "COMMIT");
    } catch (...) {
        sql::rollback_quietly(session_);
        if (read_only) query_only_off();
        throw;
    }
    if (read_only) query_only_off();
}

void SqliteStore::query_only_off() {
    try {
        sql::execute(session_, "PRAGMA query_only = OFF");
    } catch (const std::exception&) {
        // Cannot fail on an open connection; if it did, the next write would report it.
    }
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) { return std::make_unique<SqliteStore>(path); }

}  // namespace bhm::db
