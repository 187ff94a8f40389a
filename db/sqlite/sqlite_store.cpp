// The SQLite Store: one writing Poco session on a WAL-mode file with synchronous=FULL, so a write()
// that returned has reached the disk, and a pool of read-only sessions beside it. Writes that arrive
// together share one BEGIN IMMEDIATE ... COMMIT and one fsync (group_commit.h), each in its own
// savepoint; reads run on their own connections and see the last commit, never waiting for a write.
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

constexpr std::size_t max_group = 256;      // writes in one group commit at most
constexpr std::size_t reader_connections = 4;  // readers at once; more wait for one to be given back

// The store whose write()/read() this thread is inside, to refuse a nested call (it would deadlock
// or, for a read inside a write, miss the write's own changes) instead of hanging.
thread_local const void* inside_store = nullptr;

class Inside {
public:
    explicit Inside(const void* store) : previous_(inside_store) { inside_store = store; }
    ~Inside() { inside_store = previous_; }
    Inside(const Inside&) = delete;
    Inside& operator=(const Inside&) = delete;

private:
    const void* previous_;
};

void refuse_nesting(const void* store, const char* what) {
    if (inside_store == store) {
        throw std::logic_error(std::string("SqliteStore::") + what + " called inside another write/read on the same "
                               "thread; use the Transaction you were given");
    }
}

// Ends the savepoint of one write that threw; false when SQLite had already rolled back the whole
// transaction (it does so on some errors, e.g. a full disk), so nothing in the group can commit.
bool roll_back_one(sql::Connection& session) {
    try {
        if (!sql::in_transaction(session)) return false;
        sql::execute(session, "ROLLBACK TO one_write");
        sql::execute(session, "RELEASE one_write");
        return true;
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace

SqliteStore::SqliteStore(const std::string& path)
    : session_(open_session(path)),
      groups_([this](std::span<GroupCommit::Pending* const> group) { commit_group(group); }, max_group),
      readers_(path, reader_connections, busy_timeout_ms) {
    auto mode = sql::query(session_, "PRAGMA journal_mode = WAL");
    const std::string journal = mode.empty() ? "" : mode[0].text("journal_mode");
    if (journal != "wal") {
        throw std::runtime_error("the SQLite store at " + path + " cannot use WAL mode (it is '" + journal + "')");
    }
    sql::execute(session_, "PRAGMA synchronous = FULL");
    sql::execute(session_, "PRAGMA foreign_keys = ON");
    sql::query(session_, "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms));
    apply_migrations(session_.session(), embedded_migrations(), system_now());
    write([](Transaction& transaction) {
        seed_reference_categories(transaction);
        seed_reference_consumables(transaction);
    });
}

void SqliteStore::write(const std::function<void(Transaction&)>& work) {
    refuse_nesting(this, "write");
    groups_.submit(work);
}

std::vector<std::exception_ptr> SqliteStore::write_each(const std::vector<std::function<void(Transaction&)>>& works) {
    refuse_nesting(this, "write_each");
    return groups_.submit_all(works);
}

void SqliteStore::read(const std::function<void(Transaction&)>& work) {
    refuse_nesting(this, "read");
    std::vector<std::function<void()>> after_commit;
    {
        auto lease = readers_.borrow();
        sql::Connection& session = lease.session();
        Inside inside(this);
        try {
            sql::execute(session, "BEGIN");
            SqliteTransaction transaction(session);
            transaction.keep_after_commit_in(&after_commit);
            work(transaction);
            sql::execute(session, "COMMIT");
        } catch (...) {
            sql::rollback_quietly(session);
            throw;
        }
    }
    run_after_commit(after_commit);   // a read commits nothing: its lines run once it has ended
}

SqlitePragmas SqliteStore::pragmas() {
    refuse_nesting(this, "pragmas");
    std::lock_guard<std::mutex> lock(writer_);
    SqlitePragmas pragmas;
    pragmas.journal_mode = sql::query(session_, "PRAGMA journal_mode")[0].text("journal_mode");
    pragmas.synchronous = sql::query(session_, "PRAGMA synchronous")[0].number("synchronous");
    pragmas.foreign_keys = sql::query(session_, "PRAGMA foreign_keys")[0].flag("foreign_keys");
    pragmas.busy_timeout_ms = sql::query(session_, "PRAGMA busy_timeout")[0].number("timeout");
    return pragmas;
}

// One group: BEGIN IMMEDIATE, each write in its own savepoint (a lone write needs none), COMMIT.
// A write that throws is rolled back to its savepoint and gets its own exception; the others go on.
// A failed BEGIN or COMMIT, or a rollback SQLite made of the whole transaction, fails every write
// in the group that had not failed already, and none of them is visible.
void SqliteStore::commit_group(std::span<GroupCommit::Pending* const> group) {
    std::lock_guard<std::mutex> lock(writer_);
    Inside inside(this);
    const bool alone = group.size() == 1;
    const auto fail_rest = [&](std::exception_ptr error) {
        for (GroupCommit::Pending* pending : group) {
            if (!pending->error) pending->error = error;
            pending->after_commit.clear();
        }
    };
    try {
        sql::execute(session_, "BEGIN IMMEDIATE");
    } catch (...) {
        fail_rest(std::current_exception());
        return;
    }
    SqliteTransaction transaction(session_);
    bool any_done = false;
    for (GroupCommit::Pending* pending : group) {
        try {
            if (!alone) sql::execute(session_, "SAVEPOINT one_write");
            transaction.keep_after_commit_in(&pending->after_commit);
            (*pending->work)(transaction);
            if (!alone) sql::execute(session_, "RELEASE one_write");
            any_done = true;
        } catch (...) {
            pending->error = std::current_exception();
            pending->after_commit.clear();
            if (alone) break;
            if (!roll_back_one(session_)) {
                sql::rollback_quietly(session_);
                fail_rest(std::make_exception_ptr(std::runtime_error(
                    "database error: the transaction was rolled back by another write in its group; try again")));
                return;
            }
        }
    }
    try {
        sql::execute(session_, any_done ? "COMMIT" : "ROLLBACK");
    } catch (...) {
        sql::rollback_quietly(session_);
        fail_rest(std::current_exception());
    }
}

std::unique_ptr<Store> open_sqlite_store(const std::string& path) { return std::make_unique<SqliteStore>(path); }

}  // namespace bhm::db
