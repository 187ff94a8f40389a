// SQLite Store, inspections and service: the IEC 62353 records kept per device (append-only in
// practice: a new inspection is a new row) and the service orders opened and closed on a device.
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

Inspection read_inspection(const sql::Row& row) {
    Inspection inspection;
    inspection.id = row.integer("id");
    inspection.device_id = row.integer("device_id");
    inspection.inspected_at = row.timestamp("inspected_at");
    inspection.passed = row.flag("passed");
    inspection.method = row.text("method");
    inspection.tester = row.text("tester");
    inspection.instrument = row.text("instrument");
    inspection.instrument_calibrated_on = row.date("instrument_calibrated_on");
    inspection.next_due = row.optional_date("next_due");
    inspection.details_json = row.text("details_json");
    return inspection;
}

constexpr const char* service_order_columns =
    "SELECT id, device_id, unit_id, opened_at, opened_by, fault, work, parts, closed_at, closed_by "
    "FROM service_orders ";

ServiceOrder read_service_order(const sql::Row& row) {
    ServiceOrder order;
    order.id = row.integer("id");
    order.device_id = row.integer("device_id");
    order.unit_id = row.integer("unit_id");
    order.opened_at = row.timestamp("opened_at");
    order.opened_by = row.text("opened_by");
    order.fault = row.text("fault");
    order.work = row.text("work");
    order.parts = row.text("parts");
    order.closed_at = row.optional_timestamp("closed_at");
    order.closed_by = row.text("closed_by");
    return order;
}

TestInstrumentRecord read_instrument(const sql::Row& row) {
    TestInstrumentRecord r;
    r.id = row.integer("id");
    r.unit_id = row.integer("unit_id");
    r.identity = row.text("identity");
    r.calibrated_on = row.date("calibrated_on");
    r.calibration_interval_months = row.number("calibration_interval_months");
    r.registered_at = row.timestamp("registered_at");
    r.registered_by = row.text("registered_by");
    return r;
}

constexpr const char* instrument_columns =
    "SELECT id, unit_id, identity, calibrated_on, calibration_interval_months, registered_at, registered_by "
    "FROM test_instruments ";

}  // namespace

Id SqliteTransaction::insert_test_instrument(const TestInstrumentRecord& i) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO test_instruments (unit_id, identity, calibrated_on, "
                                    "calibration_interval_months, registered_at, registered_by) "
                                    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(i.unit_id, i.identity, i.calibrated_on, i.calibration_interval_months,
                                                i.registered_at, i.registered_by));
}

void SqliteTransaction::update_test_instrument(const TestInstrumentRecord& i) {
    const std::size_t changed = sql::execute(
        session_, "UPDATE test_instruments SET calibrated_on = ?, calibration_interval_months = ? WHERE id = ?",
        sql::params(i.calibrated_on, i.calibration_interval_months, i.id));
    if (changed == 0) throw std::invalid_argument("no test instrument with id " + std::to_string(i.id));
}

std::vector<TestInstrumentRecord> SqliteTransaction::test_instruments(Id unit_id) {
    return sql::query(session_, std::string(instrument_columns) + "WHERE unit_id = ? ORDER BY id", sql::params(unit_id))
        .map<TestInstrumentRecord>(read_instrument);
}

std::optional<TestInstrumentRecord> SqliteTransaction::test_instrument(Id unit_id, const std::string& identity) {
    return sql::query(session_, std::string(instrument_columns) + "WHERE unit_id = ? AND identity = ?",
                      sql::params(unit_id, identity))
        .first<TestInstrumentRecord>(read_instrument);
}

std::optional<TestInstrumentRecord> SqliteTransaction::test_instrument_by_id(Id id) {
    return sql::query(session_, std::string(instrument_columns) + "WHERE id = ?", sql::params(id))
        .first<TestInstrumentRecord>(read_instrument);
}

Id SqliteTransaction::insert_inspection(const Inspection& inspection) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO inspections (device_id, inspected_at, passed, method, tester, instrument, "
        "instrument_calibrated_on, next_due, details_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(inspection.device_id, inspection.inspected_at, inspection.passed, inspection.method,
                    inspection.tester, inspection.instrument, inspection.instrument_calibrated_on,
                    inspection.next_due, inspection.details_json));
}

std::vector<Inspection> SqliteTransaction::inspections(Id device_id) {
    return sql::query(session_,
                      "SELECT id, device_id, inspected_at, passed, method, tester, instrument, "
                      "instrument_calibrated_on, next_due, details_json FROM inspections WHERE device_id = ? "
                      "ORDER BY id",
                      sql::params(device_id))
        .map<Inspection>(read_inspection);
}

Id SqliteTransaction::insert_service_order(const ServiceOrder& order) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO service_orders (device_id, unit_id, opened_at, opened_by, fault, "
                                    "work, parts, closed_at, closed_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                                    "RETURNING id",
                                    sql::params(order.device_id, order.unit_id, order.opened_at, order.opened_by,
                                                order.fault, order.work, order.parts, order.closed_at,
                                                order.closed_by));
}

// The work, parts and closing change as the order goes; who opened it, when and why do not.
void SqliteTransaction::update_service_order(const ServiceOrder& order) {
    const std::size_t changed = sql::execute(
        session_, "UPDATE service_orders SET work = ?, parts = ?, closed_at = ?, closed_by = ? WHERE id = ?",
        sql::params(order.work, order.parts, order.closed_at, order.closed_by, order.id));
    if (changed == 0) throw std::invalid_argument("no service order with id " + std::to_string(order.id));
}

std::optional<ServiceOrder> SqliteTransaction::service_order(Id id) {
    return sql::query(session_, std::string(service_order_columns) + "WHERE id = ?", sql::params(id))
        .first<ServiceOrder>(read_service_order);
}

std::optional<ServiceOrder> SqliteTransaction::open_service_order(Id device_id) {
    return sql::query(session_, std::string(service_order_columns) + "WHERE device_id = ? AND closed_at IS NULL",
                      sql::params(device_id))
        .first<ServiceOrder>(read_service_order);
}

}  // namespace bhm::db
