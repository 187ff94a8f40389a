// The store's organisation records: regions, units, warehouses and their locations, the people and
// stations who sign in (users, stations, browser sessions, failed sign-ins) and the few settings.
// A narrow interface that Transaction inherits; sign-in and user admin name only this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

class OrganisationRecords {
public:
    virtual ~OrganisationRecords() = default;

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
};

}  // namespace bhm::db
