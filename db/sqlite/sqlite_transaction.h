// The SQLite Store's Transaction: every Store read and write as SQL on one Poco session, inside the
// transaction that SqliteStore::write/read opened. One .cpp per group of records (organisation,
// catalogue, devices, cases, loans, service, events) keeps each file small.
#pragma once

#include "db/sql_connection.h"

#include "db/store.h"

namespace bhm::db {

class SqliteTransaction final : public Transaction {
public:
    explicit SqliteTransaction(sql::Connection& session) : session_(session) {}

    // Where after_commit() keeps what it is given: the write now running's list (SqliteStore sets it
    // before each work of a group and runs or drops the list itself).
    void keep_after_commit_in(std::vector<std::function<void()>>* list) { after_commit_ = list; }
    void after_commit(std::function<void()> then) override;

    // organisation.cpp
    std::vector<Region> regions() override;
    Id insert_region(const Region&) override;
    std::vector<Unit> units() override;
    std::optional<Unit> unit(Id) override;
    Id insert_unit(const Unit&) override;
    Id insert_warehouse(const Warehouse&) override;
    std::vector<Warehouse> warehouses(Id unit_id) override;
    std::optional<Warehouse> warehouse(Id) override;
    Id insert_location(const Location&) override;
    std::vector<Location> locations(Id warehouse_id) override;
    std::optional<Location> location(Id) override;
    Id insert_user(const User&) override;
    std::optional<User> user_by_name(const std::string& username) override;
    std::optional<User> user(Id) override;
    std::vector<User> users(Id unit_id) override;
    void update_user(const User&) override;
    Id insert_station(const Station&) override;
    std::optional<Station> station_by_token_hash(const std::string& token_hash) override;
    std::optional<Station> station(Id) override;
    std::vector<Station> stations(Id unit_id) override;
    void revoke_station(Id id, Timestamp at) override;
    Id insert_browser_session(const BrowserSession&) override;
    std::optional<BrowserSession> browser_session(const std::string& token_hash) override;
    void end_browser_session(const std::string& token_hash, Timestamp at) override;
    std::optional<LoginFailures> login_failures(const std::string& username, const std::string& address) override;
    void put_login_failures(const LoginFailures&) override;
    void clear_login_failures(const std::string& username, const std::string& address) override;
    std::optional<std::string> setting(const std::string& key) override;
    void put_setting(const std::string& key, const std::string& value) override;

    // catalogue.cpp
    void upsert_category(const Category&, const std::vector<std::string>& consumables) override;
    std::vector<Category> categories() override;
    std::optional<Category> category(const std::string& code) override;
    std::vector<std::string> category_consumables(const std::string& code) override;
    Id insert_model(const Model&) override;
    std::vector<Model> models() override;
    std::optional<Model> model(Id) override;
    std::optional<Model> model_by_gtin(const std::string& gtin) override;

    // devices.cpp
    Id insert_device(const Device&) override;
    void update_device(Device&) override;
    std::optional<Device> device(Id) override;
    std::optional<Device> device_by_asset_tag(const std::string& tag) override;
    std::optional<Device> device_by_model_serial(Id model_id, const std::string& serial) override;
    std::vector<Device> devices(const DeviceFilter&, const Page&) override;
    std::uint32_t next_asset_number() override;
    std::vector<Device> devices_inspection_due(Id unit_id, Date by) override;
    std::vector<Device> devices_inspection_due(Id unit_id, Date by, const DatedPage& page) override;
    std::vector<Device> devices_received_between(Id unit_id, Timestamp from, Timestamp to) override;

    // cases.cpp
    Id insert_patient(const Patient&) override;
    std::optional<Patient> patient(Id) override;
    std::optional<Patient> patient_by_national_id(Id unit_id, const std::string& national_id) override;
    Id insert_case(const Case&) override;
    void update_case(Case&) override;
    std::optional<Case> case_by_id(Id) override;
    std::optional<Case> case_by_number(const std::string& number) override;
    std::vector<Case> cases(Id unit_id, std::optional<CaseStatus> status, const Page&) override;
    std::string next_case_number(const std::string& unit_code, int year) override;
    Id insert_site_check(const SiteCheckRecord&) override;
    std::vector<SiteCheckRecord> site_checks(Id case_id) override;
    Id insert_journal_note(const JournalNoteRecord&) override;
    std::vector<JournalNoteRecord> journal_notes(Id case_id) override;

    // loans.cpp
    Id insert_loan(const Loan&) override;
    void update_loan(const Loan&) override;
    std::optional<Loan> loan(Id) override;
    std::optional<Loan> open_loan_for_device(Id device_id) override;
    std::vector<Loan> loans_of_case(Id case_id) override;
    std::vector<Loan> loans_of_device(Id device_id) override;
    std::vector<Loan> open_loans_due(Id unit_id, Date due_by) override;
    std::vector<Loan> open_loans_due(Id unit_id, Date due_by, const DatedPage& page) override;
    std::vector<Loan> loans_of_unit_cases(Id unit_id) override;
    std::vector<Loan> loans_between(Id unit_id, Timestamp from, Timestamp to) override;

    // flows.cpp
    Id insert_decision(const DecisionRecord&) override;
    std::vector<DecisionRecord> decisions(Id case_id) override;
    Id insert_complaint(const Complaint&) override;
    void update_complaint_status(Id complaint_id, const std::string& status) override;
    std::optional<Complaint> complaint(Id) override;
    std::vector<Complaint> complaints(Id case_id) override;
    Id insert_complaint_step(const ComplaintStep&) override;
    std::vector<ComplaintStep> complaint_steps(Id complaint_id) override;
    void insert_patient_death(const PatientDeath&) override;
    std::optional<PatientDeath> patient_death(Id patient_id) override;
    std::vector<Case> cases_of_patient(Id patient_id) override;
    void move_loan_to_unit(Id loan_id, Id unit_id) override;
    Id insert_pickup_task(const PickupTask&) override;
    void close_pickup_task(Id id, Timestamp at, const std::string& by) override;
    std::optional<PickupTask> open_pickup_task_for_device(Id device_id) override;
    std::vector<PickupTask> open_pickup_tasks(Id unit_id) override;
    Id insert_write_off(const WriteOff&) override;
    std::vector<WriteOff> write_offs_between(Id unit_id, Timestamp from, Timestamp to) override;
    Id insert_transfer(const Transfer&) override;
    void update_transfer(const Transfer&) override;
    std::optional<Transfer> transfer(Id) override;
    std::optional<Transfer> pending_transfer_of_case(Id case_id) override;
    std::vector<Transfer> transfers_of_unit(Id unit_id) override;

    // service.cpp
    Id insert_inspection(const Inspection&) override;
    std::vector<Inspection> inspections(Id device_id) override;
    Id insert_service_order(const ServiceOrder&) override;
    void update_service_order(const ServiceOrder&) override;
    std::optional<ServiceOrder> service_order(Id) override;
    std::optional<ServiceOrder> open_service_order(Id device_id) override;
    Id insert_test_instrument(const TestInstrumentRecord&) override;
    void update_test_instrument(const TestInstrumentRecord&) override;
    std::vector<TestInstrumentRecord> test_instruments(Id unit_id) override;
    std::optional<TestInstrumentRecord> test_instrument(Id unit_id, const std::string& identity) override;
    std::optional<TestInstrumentRecord> test_instrument_by_id(Id id) override;

    // events.cpp
    Id append_event(const Event&) override;
    std::vector<Event> device_events(Id device_id) override;
    std::vector<Event> case_events(Id case_id) override;
    std::optional<ScanAnswer> scan_answer(const std::string& scan_id) override;
    void insert_scan_answer(const ScanAnswer&) override;

    // patient_access.cpp
    Id append_patient_access(const PatientAccess&) override;
    std::vector<PatientAccess> patient_access_log(Id unit_id, const Page&) override;

    // consumables.cpp: catalogue, lots and their status, stock levels
    Id insert_consumable_item(const ConsumableItem&) override;
    std::vector<ConsumableItem> consumable_items() override;
    std::optional<ConsumableItem> consumable_item(Id) override;
    std::optional<ConsumableItem> consumable_item_by_gtin(const std::string& gtin) override;
    Id insert_lot(const ConsumableLot&) override;
    std::optional<ConsumableLot> lot(Id) override;
    std::optional<ConsumableLot> lot_in_warehouse(Id warehouse_id, Id item_id, const std::string& lot) override;
    std::vector<ConsumableLot> lots_of_unit(Id unit_id, std::optional<Id> item_id) override;
    std::vector<ConsumableLot> lots_by_number(Id item_id, const std::string& lot) override;
    void change_lot_quantity(Id lot_id, int delta) override;
    void set_lot_status(Id lot_id, LotStatus status, const std::string& reason, Timestamp at,
                        const std::string& by) override;
    std::vector<LotStatusChange> lot_status_changes(Id lot_id) override;
    void put_stock_level(const StockLevel&) override;
    std::vector<StockLevel> stock_levels(Id warehouse_id) override;

    // consumable_orders.cpp: orders, lines, picks, standing orders
    Id insert_consumable_order(const ConsumableOrder&) override;
    void update_consumable_order(const ConsumableOrder&) override;
    std::optional<ConsumableOrder> consumable_order(Id) override;
    std::vector<ConsumableOrder> consumable_orders_of_case(Id case_id) override;
    Id insert_order_line(const ConsumableOrderLine&) override;
    std::vector<ConsumableOrderLine> order_lines(Id order_id) override;
    Id insert_pick(const ConsumablePick&) override;
    std::vector<ConsumablePick> picks_of_line(Id line_id) override;
    std::vector<std::pair<Id, Timestamp>> last_consumable_delivery_by_case(Id unit_id) override;
    std::vector<DeliveredConsumable> consumables_delivered_between(Id unit_id, Timestamp from, Timestamp to) override;
    Id insert_standing_order(const StandingOrder&) override;
    void update_standing_order(const StandingOrder&) override;
    std::optional<StandingOrder> standing_order(Id) override;
    std::vector<StandingOrder> standing_orders_of_unit(Id unit_id) override;
    std::vector<StandingOrder> standing_orders_of_case(Id case_id) override;
    // recalls.cpp
    Id insert_recall_notice(const RecallNotice&) override;
    std::optional<RecallNotice> recall_notice(Id) override;
    std::vector<RecallNotice> recall_notices(Id unit_id, const Page&) override;
    std::vector<RecallNotice> open_recall_notices_for_gtin(Id unit_id, const std::string& gtin) override;
    void close_recall_notice(Id notice_id, Timestamp at) override;
    std::vector<Device> devices_of_model(Id unit_id, Id model_id) override;
    void insert_recall_device(const RecallDevice&) override;
    std::optional<RecallDevice> recall_device(Id notice_id, Id device_id) override;
    bool mark_recall_device_done(Id notice_id, Id device_id, Timestamp at, const std::string& by,
                                 const std::string& note) override;
    std::vector<RecallLot> recall_lots(Id notice_id) override;
    void insert_recall_stock_lot(const RecallStockLot&) override;
    std::optional<RecallStockLot> recall_stock_lot(Id notice_id, Id lot_id) override;
    bool mark_recall_stock_lot_done(Id notice_id, Id lot_id, Timestamp at, const std::string& by,
                                    const std::string& note) override;
    std::vector<DeviceRecallHold> open_lot_recall_holds(Id lot_id) override;
    std::vector<AffectedLot> recall_affected_lots(Id notice_id) override;
    std::vector<AffectedLotIssue> recall_lot_issues(Id notice_id) override;
    RecallProgress recall_progress(Id notice_id) override;
    std::vector<AffectedDevice> recall_affected_devices(Id notice_id) override;
    std::vector<DeviceRecallHold> open_recall_holds(Id device_id) override;
    int open_loans_under_recall(Id unit_id) override;

private:
    sql::Connection& session_;
    std::vector<std::function<void()>>* after_commit_ = nullptr;
};

// Paging shared by the list queries: limit must be 1..10000 (std::invalid_argument otherwise).
int checked_page_limit(const Page& page);

}  // namespace bhm::db
