// The Store port: everything the services read and write, with no SQL in sight.
// A command runs inside Store::write as one transaction that commits durably
// before write() returns; throwing inside rolls everything back. The SQLite
// store is the embedded default; a PostgreSQL store implements the same port.
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

// A write raced with another and lost (a stale version): the caller reports a conflict.
struct StaleWrite : std::runtime_error { using std::runtime_error::runtime_error; };
// A unique key was taken (a serial, an asset tag, a username...).
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
    // Runs `work` in one transaction; commits durably before returning, rolls back if it throws.
    virtual void write(const std::function<void(Transaction&)>& work) = 0;
    // Runs `work` on a consistent read-only snapshot.
    virtual void read(const std::function<void(Transaction&)>& work) = 0;
};

// Opens (creating if needed) the SQLite store at `path`, in WAL mode with synchronous=FULL,
// and applies the migrations in db/migrations that it has not applied yet.
std::unique_ptr<Store> open_sqlite_store(const std::string& path);

}  // namespace bhm::db
