// The Store port: everything the services read and write, with no SQL in sight. The SQLite
// store is the embedded default; a PostgreSQL store implements the same port and the same contract.
//
// The contract, which every implementation keeps (the SQLite store's way of keeping it in brackets):
//
// Threads. One Store is shared by all of the server's worker threads: write() and read() may be
// called from any thread at any time, concurrently. Writes are serialised: their work callbacks run
// one at a time, in arrival order within a group [one writing session; writes that arrive while a
// commit is under way wait and then run together as the next group, on the thread of one of their
// callers: a work must not rely on thread-local state]. Reads run concurrently with writes and with
// each other [a pool of read-only sessions, 4 at most; a fifth reader waits for one]. A call from
// inside another write()/read() on the same thread would deadlock or miss its own changes, and
// throws std::logic_error instead: use the Transaction you were given. A Transaction is valid only
// inside its callback; never keep it, nor hand it to another thread.
//
// Isolation. Inside write(), a Transaction sees the committed state plus the changes of the writes
// before it in its group and its own, and no other write runs until it ends [BEGIN IMMEDIATE takes
// SQLite's write lock for the group, so another process writing the same file waits up to 10 s
// (busy_timeout) and then fails; each write of a group runs inside its own SAVEPOINT]. Inside
// read(), it sees one consistent snapshot of committed state, taken at its first query, and may not
// write [BEGIN on a query_only session; WAL lets it read while the writer commits]. No read ever
// sees a write that has not committed; a read that begins after write() returned sees that write.
//
// Commit. When write() returns, its work is committed and durable: it survives a crash of the
// process or a power cut [WAL mode with synchronous=FULL: the WAL is fsynced at every commit; one
// commit and one fsync per group]. If `work` throws, everything it did is rolled back and write()
// rethrows the same exception, while the other writes of its group still commit [ROLLBACK TO its
// savepoint]. If the group's commit fails, every write in it fails and none of it is visible, ever.
// A write that commits never depends on a write that did not: the writes after a failed one in its
// group see the state without it.
//
// Exceptions. The record interfaces throw StaleWrite when a version-checked update (update_device,
// update_case, closing a done pick-up task) finds the row changed since it was read: a lost race, which
// callers answer as a conflict (409) after the rollback. They throw DuplicateKey when a unique key is
// taken (a serial, an asset tag, a username, a scan id). Anything else (std::runtime_error from the
// driver: disk full, a corrupt file) is an internal error; the transaction is rolled back all the same.
#pragma once

#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "db/audit_records.h"
#include "db/case_records.h"
#include "db/catalogue_records.h"
#include "db/consumable_records.h"
#include "db/device_records.h"
#include "db/flow_records.h"
#include "db/inspection_records.h"
#include "db/loan_records.h"
#include "db/organisation_records.h"
#include "db/recall_records.h"
#include "db/records.h"

namespace bhm::db {

// A write raced with another and lost (a stale version): the transaction is rolled back and the
// caller reports a conflict; reading again and retrying may succeed.
struct StaleWrite : std::runtime_error { using std::runtime_error::runtime_error; };
// A unique key was taken (a serial, an asset tag, a username...): rolled back; retrying the same
// command fails the same way.
struct DuplicateKey : std::runtime_error { using std::runtime_error::runtime_error; };

// One transaction's view of the store: every record interface at once (issue 9). A service names only the
// interfaces it needs (e.g. AuditRecords to record an event, LoanRecords for the loan review); code that
// needs many still takes a Transaction, which converts to each of them.
class Transaction : public OrganisationRecords,
                    public CatalogueRecords,
                    public DeviceRecords,
                    public CaseRecords,
                    public LoanRecords,
                    public FlowRecords,
                    public InspectionRecords,
                    public AuditRecords,
                    public ConsumableRecords,
                    public RecallRecords {
public:
    ~Transaction() override = default;
};

class Store {
public:
    virtual ~Store() = default;
    // Runs `work` in one write transaction, one at a time; committed and durable when it returns,
    // rolled back (and the exception rethrown) if `work` throws. Safe to call from any thread.
    virtual void write(const std::function<void(Transaction&)>& work) = 0;
    // Runs `work` on one consistent read-only snapshot of committed state. Safe to call from any
    // thread; serialised with write() (see the contract at the top).
    virtual void read(const std::function<void(Transaction&)>& work) = 0;
    // Runs each of `works` as its own write, in order, and says how each ended: nullptr when it
    // committed, else its exception (nothing of it is visible). A store may commit them together
    // (the SQLite store puts them in one group: one commit, one fsync); a later work sees the
    // earlier ones that did not fail. This default runs them one write() at a time.
    virtual std::vector<std::exception_ptr> write_each(const std::vector<std::function<void(Transaction&)>>& works) {
        std::vector<std::exception_ptr> errors;
        for (const auto& work : works) {
            try {
                write(work);
                errors.emplace_back();
            } catch (...) {
                errors.push_back(std::current_exception());
            }
        }
        return errors;
    }
};

// Opens (creating if needed) the SQLite store at `path`, in WAL mode with synchronous=FULL,
// and applies the migrations in db/migrations that it has not applied yet.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace bhm::db
