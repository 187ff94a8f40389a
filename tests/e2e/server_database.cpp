// The test server's database opened beside it, and logins made in another unit (server_database.h).
#include "server_database.h"

#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>

#include "server_process.h"

namespace bhm::e2e {

Poco::Data::Session server_database(const ServerProcess& server) {
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session db("SQLite", server.folder() + "/bhm.db");
    db << "PRAGMA busy_timeout = 5000", Poco::Data::Keywords::now;
    return db;
}

ApiClient user_in_unit(const ServerProcess& server, const std::string& username, const std::string& role,
                       long long unit_id) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("username", username);
    body->set("role", role);
    body->set("password", server.demo_password());
    auto made = login(server, "admin").post("/api/v1/users", body);
    INFO(made.describe());
    REQUIRE(made.status == 201);
    auto db = server_database(server);
    Poco::Int64 unit = unit_id;
    std::string name = username;
    db << "UPDATE users SET unit_id = ? WHERE username = ?", Poco::Data::Keywords::use(unit),
        Poco::Data::Keywords::use(name), Poco::Data::Keywords::now;
    return login(server, username);
}

}  // namespace bhm::e2e
