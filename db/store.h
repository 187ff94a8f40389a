// The Store port: everything the services read and write, with no SQL in sight. The SQLite
// store is the embedded default; a PostgreSQL store implements the same port and the same contract.
//
// The contract, which every implementation keeps (the SQLite store's way of keeping it in brackets):
//
// Threads. One Store is shared by all of the server's worker threads: write() and read() may be
// called from any thread at any time, concurrently. They are serialised: at most one write() or
// read() runs at a time per Store [one session under one std::mutex], so a read waits behind a
// write and a write behind a read; waiting callers are let in one by one, in no promised order. A call from
// inside another write()/read() on the same thread would deadlock and throws std::logic_error
// instead: use the Transaction you were given. A Transaction is valid only inside its callback and
// only on the calling thread; never keep it, nor hand it to another thread.
//
// Isolation. Inside write(), a Transaction sees the committed state plus its own changes, and no
// other write runs until it ends [BEGIN IMMEDIATE takes SQLite's write lock at the start, so another
// process writing the same file waits up to 10 s (busy_timeout) and then fails]. Inside read(), it
// sees one consistent snapshot of committed state, taken at its first query, and may not write
// [BEGIN with PRAGMA query_only]. No one ever sees another transaction's uncommitted changes.
//
// Commit. When write() returns, the whole transaction is committed and durable: it survives a crash
// of the process or a power cut [WAL mode with synchronous=FULL: the WAL is fsynced at every commit;
// one fsync per write(), nothing batched]. If `work` throws, or the commit fails, everything it did
// is rolled back and write() rethrows the same exception; nothing of it is visible, ever.
//
// Exceptions. The record interfaces throw StaleWrite when a version-checked update (update_device,
// update_case, closing a done pick-up task) finds the row changed since it was read: a lost race, which
// callers answer as a conflict (409) after the rollback. They throw DuplicateKey when a unique key is
// taken (a serial, an asset tag, a username, a scan id). Anything else (std::runtime_error from the
// driver: disk full, a corrupt file) is an internal error; the transaction is rolled back all the same.
#pragma once

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
};

// Opens (creating if needed) the SQLite store at `path`, in WAL mode with synchronous=FULL,
// and applies the migrations in db/migrations that it has not applied yet.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace bhm::db
