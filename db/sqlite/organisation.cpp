// SQLite Store, organisation: regions, units, warehouses and shelf locations, users, scan stations
// and settings (the tree region -> unit -> warehouse -> location that keeps practice equal nationwide).
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

Region read_region(const sql::Row& row) { return {row.integer("id"), row.text("code"), row.text("name")}; }
Unit read_unit(const sql::Row& row) {
    return {row.integer("id"), row.integer("region_id"), row.text("code"), row.text("name")};
}
Warehouse read_warehouse(const sql::Row& row) { return {row.integer("id"), row.integer("unit_id"), row.text("name")}; }
Location read_location(const sql::Row& row) {
    return {row.integer("id"), row.integer("warehouse_id"), row.text("code")};
}
User read_user(const sql::Row& row) {
    return {row.integer("id"),       row.integer("unit_id"),       row.text("username"),
            row.text("role"),        row.text("password_hash"),    row.flag("active"),
            static_cast<int>(row.integer("token_version"))};
}
Station read_station(const sql::Row& row) {
    return {row.integer("id"),           row.integer("unit_id"),
            row.text("name"),            row.text("token_hash"),
            row.timestamp("created_at"), row.optional_timestamp("revoked_at"),
            row.text("created_by")};
}

constexpr const char* station_columns = "SELECT id, unit_id, name, token_hash, created_at, revoked_at, created_by "
                                        "FROM stations ";

}  // namespace

std::vector<Region> SqliteTransaction::regions() {
    return sql::query(session_, "SELECT id, code, name FROM regions ORDER BY id").map<Region>(read_region);
}

Id SqliteTransaction::insert_region(const Region& region) {
    return sql::insert_returning_id(session_, "INSERT INTO regions (code, name) VALUES (?, ?) RETURNING id",
                                    sql::params(region.code, region.name));
}

std::vector<Unit> SqliteTransaction::units() {
    return sql::query(session_, "SELECT id, region_id, code, name FROM units ORDER BY id").map<Unit>(read_unit);
}

std::optional<Unit> SqliteTransaction::unit(Id id) {
    return sql::query(session_, "SELECT id, region_id, code, name FROM units WHERE id = ?", sql::params(id))
        .first<Unit>(read_unit);
}

Id SqliteTransaction::insert_unit(const Unit& unit) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO units (region_id, code, name) VALUES (?, ?, ?) RETURNING id",
                                    sql::params(unit.region_id, unit.code, unit.name));
}

Id SqliteTransaction::insert_warehouse(const Warehouse& warehouse) {
    return sql::insert_returning_id(session_, "INSERT INTO warehouses (unit_id, name) VALUES (?, ?) RETURNING id",
                                    sql::params(warehouse.unit_id, warehouse.name));
}

std::vector<Warehouse> SqliteTransaction::warehouses(Id unit_id) {
    return sql::query(session_, "SELECT id, unit_id, name FROM warehouses WHERE unit_id = ? ORDER BY id",
                      sql::params(unit_id))
        .map<Warehouse>(read_warehouse);
}

std::optional<Warehouse> SqliteTransaction::warehouse(Id id) {
    return sql::query(session_, "SELECT id, unit_id, name FROM warehouses WHERE id = ?", sql::params(id))
        .first<Warehouse>(read_warehouse);
}

Id SqliteTransaction::insert_location(const Location& location) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO locations (warehouse_id, code) VALUES (?, ?) RETURNING id",
                                    sql::params(location.warehouse_id, location.code));
}

std::vector<Location> SqliteTransaction::locations(Id warehouse_id) {
    return sql::query(session_, "SELECT id, warehouse_id, code FROM locations WHERE warehouse_id = ? ORDER BY id",
                      sql::params(warehouse_id))
        .map<Location>(read_location);
}

std::optional<Location> SqliteTransaction::location(Id id) {
    return sql::query(session_, "SELECT id, warehouse_id, code FROM locations WHERE id = ?", sql::params(id))
        .first<Location>(read_location);
}

Id SqliteTransaction::insert_user(const User& user) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO users (unit_id, username, role, password_hash, active, token_version) "
        "VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(user.unit_id, user.username, user.role, user.password_hash, user.active, user.token_version));
}

std::optional<User> SqliteTransaction::user_by_name(const std::string& username) {
    return sql::query(session_,
                      "SELECT id, unit_id, username, role, password_hash, active, token_version FROM users WHERE username = ?",
                      sql::params(username))
        .first<User>(read_user);
}

std::optional<User> SqliteTransaction::user(Id id) {
    return sql::query(session_, "SELECT id, unit_id, username, role, password_hash, active, token_version FROM users WHERE id = ?",
                      sql::params(id))
        .first<User>(read_user);
}

std::vector<User> SqliteTransaction::users(Id unit_id) {
    return sql::query(session_,
                      "SELECT id, unit_id, username, role, password_hash, active, token_version FROM users WHERE unit_id = ? "
                      "ORDER BY username",
                      sql::params(unit_id))
        .map<User>(read_user);
}

void SqliteTransaction::update_user(const User& user) {
    if (!this->user(user.id)) throw std::invalid_argument("no user with id " + std::to_string(user.id));
    sql::execute(session_, "UPDATE users SET role = ?, password_hash = ?, active = ?, token_version = ? WHERE id = ?",
                 sql::params(user.role, user.password_hash, user.active, user.token_version, user.id));
}

Id SqliteTransaction::insert_station(const Station& station) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO stations (unit_id, name, token_hash, created_at, revoked_at, "
                                    "created_by) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(station.unit_id, station.name, station.token_hash,
                                                station.created_at, station.revoked_at, station.created_by));
}

std::optional<Station> SqliteTransaction::station_by_token_hash(const std::string& token_hash) {
    return sql::query(session_, std::string(station_columns) + "WHERE token_hash = ?", sql::params(token_hash))
        .first<Station>(read_station);
}

std::optional<Station> SqliteTransaction::station(Id id) {
    return sql::query(session_, std::string(station_columns) + "WHERE id = ?", sql::params(id))
        .first<Station>(read_station);
}

std::vector<Station> SqliteTransaction::stations(Id unit_id) {
    return sql::query(session_, std::string(station_columns) + "WHERE unit_id = ? ORDER BY id", sql::params(unit_id))
        .map<Station>(read_station);
}

// Revoking twice keeps the first revocation time; an unknown station is an error.
void SqliteTransaction::revoke_station(Id id, Timestamp at) {
    if (!station(id)) throw std::invalid_argument("no scan station with id " + std::to_string(id));
    sql::execute(session_, "UPDATE stations SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL",
                 sql::params(at, id));
}

std::optional<std::string> SqliteTransaction::setting(const std::string& key) {
    auto rows = sql::query(session_, "SELECT value FROM settings WHERE key = ?", sql::params(key));
    if (rows.empty()) return std::nullopt;
    return rows[0].text("value");
}

void SqliteTransaction::put_setting(const std::string& key, const std::string& value) {
    sql::execute(session_,
                 "INSERT INTO settings (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                 sql::params(key, value));
}

int checked_page_limit(const Page& page) {
    if (page.limit < 1 || page.limit > 10000) {
        throw std::invalid_argument("page limit must be between 1 and 10000, not " + std::to_string(page.limit));
    }
    return page.limit;
}

}  // namespace bhm::db
