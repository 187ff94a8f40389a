// SQLite Store, devices: the unit's physical devices with their lifecycle status, place in the
// warehouse and next inspection. Updates are optimistic: a stale version throws StaleWrite, so two
// stations racing for one device cannot both win.
#include <limits>
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/hot_queries.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

constexpr const char* device_columns = sqlite_sql::device_select;

Device read_device(const sql::Row& row) {
    Device device;
    device.id = row.integer("id");
    device.unit_id = row.integer("unit_id");
    device.model_id = row.integer("model_id");
    device.serial = row.text("serial");
    device.asset_tag = row.text("asset_tag");
    device.warehouse_id = row.optional_integer("warehouse_id");
    device.location_id = row.optional_integer("location_id");
    const std::string state = row.text("state");
    auto parsed = parse_device_state(state);
    if (!parsed) throw std::runtime_error("device " + std::to_string(device.id) + " has unknown state '" + state + "'");
    device.status.state = *parsed;
    device.status.cleaned = row.flag("cleaned");
    device.status.inspected = row.flag("inspected");
    device.status.inspection_failed = row.flag("inspection_failed");
    device.inspection_due = row.optional_date("inspection_due");
    device.reserved_case_id = row.optional_integer("reserved_case_id");
    device.received_at = row.timestamp("received_at");
    device.version = row.integer("version");
    return device;
}

}  // namespace

Id SqliteTransaction::insert_device(const Device& device) {
    try {
        return sql::insert_returning_id(
            session_,
            "INSERT INTO devices (unit_id, model_id, serial, asset_tag, warehouse_id, location_id, state, cleaned, "
            "inspected, inspection_failed, inspection_due, reserved_case_id, received_at, version) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            sql::params(device.unit_id, device.model_id, device.serial, device.asset_tag, device.warehouse_id,
                        device.location_id, to_string(device.status.state), device.status.cleaned,
                        device.status.inspected, device.status.inspection_failed, device.inspection_due,
                        device.reserved_case_id, device.received_at, device.version));
    } catch (const DuplicateKey& duplicate) {
        throw DuplicateKey(std::string(duplicate.what()) + " (serial '" + device.serial + "', asset tag '" +
                           device.asset_tag + "')");
    }
}

void SqliteTransaction::update_device(Device& device) {
    const std::size_t changed = sql::execute(
        session_,
        "UPDATE devices SET unit_id = ?, model_id = ?, serial = ?, asset_tag = ?, warehouse_id = ?, location_id = ?, "
        "state = ?, cleaned = ?, inspected = ?, inspection_failed = ?, inspection_due = ?, reserved_case_id = ?, "
        "received_at = ?, version = version + 1 WHERE id = ? AND version = ?",
        sql::params(device.unit_id, device.model_id, device.serial, device.asset_tag, device.warehouse_id,
                    device.location_id, to_string(device.status.state), device.status.cleaned,
                    device.status.inspected, device.status.inspection_failed, device.inspection_due,
                    device.reserved_case_id, device.received_at, device.id, device.version));
    if (changed == 0) {
        auto stored = this->device(device.id);
        if (!stored) throw std::invalid_argument("no device with id " + std::to_string(device.id));
        throw StaleWrite("device " + stored->asset_tag + " was changed by someone else (version " +
                         std::to_string(device.version) + " is stale, the stored one is " +
                         std::to_string(stored->version) + ")");
    }
    device.version += 1;
}

std::optional<Device> SqliteTransaction::device(Id id) {
    return sql::query(session_, std::string(device_columns) + "WHERE d.id = ?", sql::params(id))
        .first<Device>(read_device);
}

std::optional<Device> SqliteTransaction::device_by_asset_tag(const std::string& tag) {
    return sql::query(session_, std::string(device_columns) + "WHERE d.asset_tag = ?", sql::params(tag))
        .first<Device>(read_device);
}

std::optional<Device> SqliteTransaction::device_by_model_serial(Id model_id, const std::string& serial) {
    return sql::query(session_, std::string(device_columns) + "WHERE d.model_id = ? AND d.serial = ?",
                      sql::params(model_id, serial))
        .first<Device>(read_device);
}

// A unit's devices, or a region's (all its units'); optionally one state and one category.
std::vector<Device> SqliteTransaction::devices(const DeviceFilter& filter, const Page& page) {
    if (!filter.unit_id && !filter.region_id) {
        throw std::invalid_argument("a device list needs a unit or a region");
    }
    const std::string sql = sqlite_sql::device_list(filter.unit_id.has_value(), filter.region_id.has_value(),
                                                    filter.state.has_value(), filter.category.has_value(),
                                                    filter.reserved_case_id.has_value());
    std::vector<sql::Value> values = sql::params(page.after_id);
    if (filter.unit_id) values.push_back(sql::value(*filter.unit_id));
    if (filter.region_id) values.push_back(sql::value(*filter.region_id));
    if (filter.state) values.push_back(sql::value(to_string(*filter.state)));
    if (filter.category) values.push_back(sql::value(*filter.category));
    if (filter.reserved_case_id) values.push_back(sql::value(*filter.reserved_case_id));
    values.push_back(sql::value(checked_page_limit(page)));
    return sql::query(session_, sql, values).map<Device>(read_device);
}

// The recall candidates: `+unit_id` keeps the planner on the (model_id, serial) index.
std::vector<Device> SqliteTransaction::devices_of_model(Id unit_id, Id model_id) {
    return sql::query(session_, std::string(device_columns) + "WHERE d.model_id = ? AND +d.unit_id = ? ORDER BY d.id",
                      sql::params(model_id, unit_id))
        .map<Device>(read_device);
}

std::uint32_t SqliteTransaction::next_asset_number() {
    auto rows = sql::query(session_,
                           "INSERT INTO counters (name, value) VALUES ('asset_number', 1) "
                           "ON CONFLICT (name) DO UPDATE SET value = counters.value + 1 RETURNING value");
    const std::int64_t number = rows[0].integer("value");
    if (number < 1 || number > std::numeric_limits<std::uint32_t>::max()) {
        throw std::runtime_error("the asset number counter is out of range: " + std::to_string(number));
    }
    return static_cast<std::uint32_t>(number);
}

std::vector<Device> SqliteTransaction::devices_received_between(Id unit_id, Timestamp from, Timestamp to) {
    return sql::query(session_, sqlite_sql::devices_received_between, sql::params(unit_id, from, to))
        .map<Device>(read_device);
}

// Electrical devices still in the unit's care whose next inspection is due by `by`, or that have no
// due date at all (never inspected counts as due). Devices of non-electrical categories never are.
std::vector<Device> SqliteTransaction::devices_inspection_due(Id unit_id, Date by) {
    return sql::query(session_, sqlite_sql::devices_inspection_due_page,
                      sql::params(unit_id, by, std::string(), Id{0}, std::int64_t{-1}))
        .map<Device>(read_device);
}

// The same list a page at a time, after (page.after_date or never inspected, page.after_id).
std::vector<Device> SqliteTransaction::devices_inspection_due(Id unit_id, Date by, const DatedPage& page) {
    const std::string after = page.after_date ? to_iso(*page.after_date) : std::string();
    return sql::query(session_, sqlite_sql::devices_inspection_due_page,
                      sql::params(unit_id, by, after, page.after_id, std::int64_t{checked_page_limit({page.limit, 0})}))
        .map<Device>(read_device);
}

}  // namespace bhm::db
