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

#include "db/access_records.h"
#include "db/consumable_records.h"
#include "db/flow_records.h"
#include "db/recall_records.h"
#include "db/records.h"

namespace bhm::db {

// A write raced with another and lost (a stale version): the caller reports a conflict.
struct StaleWrite : std::runtime_error { using std::runtime_error::runtime_error; };
// A unique key was taken (a serial, an asset tag, a username...).
struct DuplicateKey : std::runtime_error { using std::runtime_error::runtime_error; };

struct Page { int limit = 100; Id after_id = 0; };   // cursor paging by id

struct DeviceFilter {
    std::optional<Id> unit_id;                 // required unless region-wide
    std::optional<Id> region_id;
    std::optional<DeviceState> state;
    std::optional<std::string> category;
    std::optional<Id> reserved_case_id;
};

// Transaction inherits the narrow record interfaces as they are split out (issue 9); a service names only
// the one it needs (consumables: ConsumableRecords; recalls: RecallRecords).
class Transaction : public ConsumableRecords, public RecallRecords {
public:
    virtual ~Transaction() = default;

    // Organisation and people who log in.
    virtual std::vector<Region> regions() = 0;
    virtual Id insert_region(const Region&) = 0;
    virtual std::vector<Unit> units() = 0;
    virtual std::optional<Unit> unit(Id) = 0;
    virtual Id insert_unit(const Unit&) = 0;
    virtual Id insert_warehouse(const Warehouse&) = 0;
    virtual std::vector<Warehouse> warehouses(Id unit_id) = 0;
    virtual std::optional<Warehouse> warehouse(Id) = 0;
    virtual Id insert_location(const Location&) = 0;
    virtual std::vector<Location> locations(Id warehouse_id) = 0;
    virtual std::optional<Location> location(Id) = 0;
    virtual Id insert_user(const User&) = 0;
    virtual std::optional<User> user_by_name(const std::string& username) = 0;
    virtual std::optional<User> user(Id) = 0;
    virtual std::vector<User> users(Id unit_id) = 0;
    virtual void update_user(const User&) = 0;      // role, password hash, active
    virtual Id insert_station(const Station&) = 0;
    virtual std::optional<Station> station_by_token_hash(const std::string& token_hash) = 0;
    virtual std::optional<Station> station(Id) = 0;
    virtual std::vector<Station> stations(Id unit_id) = 0;
    virtual void revoke_station(Id id, Timestamp at) = 0;
    virtual Id insert_browser_session(const BrowserSession&) = 0;
    virtual std::optional<BrowserSession> browser_session(const std::string& token_hash) = 0;
    virtual void end_browser_session(const std::string& token_hash, Timestamp at) = 0;   // once; later calls keep the first time
    virtual std::optional<LoginFailures> login_failures(const std::string& username, const std::string& address) = 0;
    virtual void put_login_failures(const LoginFailures&) = 0;   // insert or replace
    virtual void clear_login_failures(const std::string& username, const std::string& address) = 0;
    virtual std::optional<std::string> setting(const std::string& key) = 0;
    virtual void put_setting(const std::string& key, const std::string& value) = 0;

    // Catalogue.
    virtual void upsert_category(const Category&, const std::vector<std::string>& consumables) = 0;
    virtual std::vector<Category> categories() = 0;
    virtual std::optional<Category> category(const std::string& code) = 0;
    virtual std::vector<std::string> category_consumables(const std::string& code) = 0;
    virtual Id insert_model(const Model&) = 0;
    virtual std::vector<Model> models() = 0;
    virtual std::optional<Model> model(Id) = 0;
    virtual std::optional<Model> model_by_gtin(const std::string& gtin) = 0;

    // Devices. update_device succeeds only if device.version is the stored one, and bumps it.
    virtual Id insert_device(const Device&) = 0;
    virtual void update_device(Device&) = 0;
    virtual std::optional<Device> device(Id) = 0;
    virtual std::optional<Device> device_by_asset_tag(const std::string& tag) = 0;
    virtual std::optional<Device> device_by_model_serial(Id model_id, const std::string& serial) = 0;
    virtual std::vector<Device> devices(const DeviceFilter&, const Page&) = 0;
    virtual std::uint32_t next_asset_number() = 0;
    // Devices whose periodic inspection is due on or before `by` (not retired/lost).
    virtual std::vector<Device> devices_inspection_due(Id unit_id, Date by) = 0;

    // Patients and cases.
    virtual Id insert_patient(const Patient&) = 0;
    virtual std::optional<Patient> patient(Id) = 0;
    virtual std::optional<Patient> patient_by_national_id(Id unit_id, const std::string& national_id) = 0;
    virtual Id insert_case(const Case&) = 0;
    virtual void update_case(Case&) = 0;          // version-checked like update_device
    virtual std::optional<Case> case_by_id(Id) = 0;
    virtual std::optional<Case> case_by_number(const std::string& number) = 0;
    virtual std::vector<Case> cases(Id unit_id, std::optional<CaseStatus> status, const Page&) = 0;
    virtual std::string next_case_number(const std::string& unit_code, int year) = 0;
    virtual Id insert_site_check(const SiteCheckRecord&) = 0;
    virtual std::vector<SiteCheckRecord> site_checks(Id case_id) = 0;   // oldest first
    virtual Id insert_journal_note(const JournalNoteRecord&) = 0;
    virtual std::vector<JournalNoteRecord> journal_notes(Id case_id) = 0;   // oldest first

    // Loans.
    virtual Id insert_loan(const Loan&) = 0;
    virtual void update_loan(const Loan&) = 0;
    virtual std::optional<Loan> loan(Id) = 0;
    virtual std::optional<Loan> open_loan_for_device(Id device_id) = 0;
    virtual std::vector<Loan> loans_of_case(Id case_id) = 0;
    virtual std::vector<Loan> loans_of_device(Id device_id) = 0;   // oldest first
    // Open loans of a unit whose due date is on or before `due_by`.
    virtual std::vector<Loan> open_loans_due(Id unit_id, Date due_by) = 0;
    // All loans of a unit that were open at some time within [from, to] (reports).
    virtual std::vector<Loan> loans_between(Id unit_id, Timestamp from, Timestamp to) = 0;

    // The weekly flows (issue 12): decisions as an append-only list, complaints, deaths, pick-ups,
    // write-offs and transfers (db/flow_records.h).
    virtual Id insert_decision(const DecisionRecord&) = 0;
    virtual std::vector<DecisionRecord> decisions(Id case_id) = 0;           // oldest first
    virtual Id insert_complaint(const Complaint&) = 0;
    virtual void update_complaint_status(Id complaint_id, const std::string& status) = 0;
    virtual std::optional<Complaint> complaint(Id) = 0;
    virtual std::vector<Complaint> complaints(Id case_id) = 0;
    virtual Id insert_complaint_step(const ComplaintStep&) = 0;              // append-only
    virtual std::vector<ComplaintStep> complaint_steps(Id complaint_id) = 0;
    virtual void insert_patient_death(const PatientDeath&) = 0;
    virtual std::optional<PatientDeath> patient_death(Id patient_id) = 0;
    virtual std::vector<Case> cases_of_patient(Id patient_id) = 0;
    virtual void move_loan_to_unit(Id loan_id, Id unit_id) = 0;
    virtual Id insert_pickup_task(const PickupTask&) = 0;
    virtual void close_pickup_task(Id id, Timestamp at, const std::string& by) = 0;
    virtual std::optional<PickupTask> open_pickup_task_for_device(Id device_id) = 0;
    virtual std::vector<PickupTask> open_pickup_tasks(Id unit_id) = 0;
    virtual Id insert_write_off(const WriteOff&) = 0;
    virtual std::vector<WriteOff> write_offs_between(Id unit_id, Timestamp from, Timestamp to) = 0;
    virtual Id insert_transfer(const Transfer&) = 0;
    virtual void update_transfer(const Transfer&) = 0;   // status, receipt or cancellation, the loan carried
    virtual std::optional<Transfer> transfer(Id) = 0;
    virtual std::optional<Transfer> pending_transfer_of_case(Id case_id) = 0;
    virtual std::vector<Transfer> transfers_of_unit(Id unit_id) = 0;         // sent or received, newest first

    // Inspections and service.
    virtual Id insert_inspection(const Inspection&) = 0;
    virtual std::vector<Inspection> inspections(Id device_id) = 0;
    virtual Id insert_service_order(const ServiceOrder&) = 0;
    virtual void update_service_order(const ServiceOrder&) = 0;
    virtual std::optional<ServiceOrder> service_order(Id) = 0;
    virtual std::optional<ServiceOrder> open_service_order(Id device_id) = 0;
    // The unit's register of test instruments; identity is unique within a unit.
    virtual Id insert_test_instrument(const TestInstrumentRecord&) = 0;
    virtual void update_test_instrument(const TestInstrumentRecord&) = 0;   // calibration date and interval
    virtual std::vector<TestInstrumentRecord> test_instruments(Id unit_id) = 0;
    virtual std::optional<TestInstrumentRecord> test_instrument(Id unit_id, const std::string& identity) = 0;
    virtual std::optional<TestInstrumentRecord> test_instrument_by_id(Id id) = 0;

    // The audit trail (append-only) and answered scans.
    virtual Id append_event(const Event&) = 0;
    virtual std::vector<Event> device_events(Id device_id) = 0;
    virtual std::vector<Event> case_events(Id case_id) = 0;
    virtual std::optional<ScanAnswer> scan_answer(const std::string& scan_id) = 0;
    virtual void insert_scan_answer(const ScanAnswer&) = 0;

    // Who saw a patient's national ID or address (append-only), and the unit's log, oldest first by id.
    virtual Id append_patient_access(const PatientAccess&) = 0;
    virtual std::vector<PatientAccess> patient_access_log(Id unit_id, const Page&) = 0;
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
