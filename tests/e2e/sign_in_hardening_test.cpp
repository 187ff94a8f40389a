// Signing in holds against guessing and leaks: the lockout is per username and address, counted
// before the hash so a burst cannot slip through, and says how long to wait; a password change or
// "log out everywhere" ends old tokens; the signing key is a 0600 file, not a database row.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <thread>
#include <vector>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {
ApiResponse try_login(const ServerProcess& server, const std::string& username, const std::string& password) {
    return ApiClient(server.port()).post("/api/v1/auth/login",
                                         "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}");
}
unsigned mode_of(const std::string& file) {
    struct stat info {};
    ::stat(file.c_str(), &info);
    return info.st_mode & 0777;
}
}  // namespace

TEST_CASE("a burst of concurrent wrong passwords cannot get more than five checked, nor the right one after", "[e2e][tokens]") {
    ServerProcess server;
    std::atomic<int> wrong{0}, locked{0};
    std::vector<std::thread> burst;
    for (int i = 0; i < 20; ++i)
        burst.emplace_back([&] {
            const int status = try_login(server, "technician", "not-the-password").status;
            if (status == 401) ++wrong;
            if (status == 429) ++locked;
        });
    for (auto& t : burst) t.join();
    CHECK(wrong == 5);
    CHECK(locked == 15);
    auto right = try_login(server, "technician", server.demo_password());
    require_problem(right, 429, "too_many_attempts");
    REQUIRE(right.headers.count("Retry-After") == 1);
    CHECK(std::stoi(right.headers.at("Retry-After")) > 0);
    CHECK(server.log_tail(20000).find("event=login_failed username=technician address=127.0.0.1") != std::string::npos);
}

TEST_CASE("the lockout outlives a restart", "[e2e][tokens]") {
    ServerProcess server;
    for (int i = 0; i < 5; ++i) REQUIRE(try_login(server, "manager", "wrong-password").status == 401);
    server.restart();
    require_problem(try_login(server, "manager", server.demo_password()), 429, "too_many_attempts");
}

TEST_CASE("a password change ends the user's old tokens, logout-everywhere ends all of one's own", "[e2e][tokens]") {
    ServerProcess server;
    auto admin = login(server, "admin");
    auto technician = login(server, "technician");
    REQUIRE(technician.get("/api/v1/me").status == 200);
    long long technician_id = 0;
    const auto users = admin.get("/api/v1/users").array();   // kept: the loop must not outlive the answer
    for (std::size_t i = 0; i < users->size(); ++i)
        if (users->getObject(static_cast<unsigned>(i))->getValue<std::string>("username") == "technician")
            technician_id = users->getObject(static_cast<unsigned>(i))->getValue<long long>("id");
    REQUIRE(technician_id > 0);
    REQUIRE(admin.send("PATCH", "/api/v1/users/" + std::to_string(technician_id),
                       R"({"password":"a brand new password"})", true).status == 200);
    require_problem(technician.get("/api/v1/me"), 401, "not_authenticated");
    auto fresh = ApiClient(server.port(), try_login(server, "technician", "a brand new password").text("token"));
    REQUIRE(fresh.get("/api/v1/me").status == 200);

    auto manager = login(server, "manager");
    auto manager_elsewhere = login(server, "manager");
    REQUIRE(manager.post("/api/v1/auth/logout-everywhere", "").status == 200);
    require_problem(manager.get("/api/v1/me"), 401, "not_authenticated");
    require_problem(manager_elsewhere.get("/api/v1/me"), 401, "not_authenticated");
    CHECK(fresh.get("/api/v1/me").status == 200);   // others are not affected
}

TEST_CASE("the token signing key is a file only the server can read, and the database is not readable by others", "[e2e][tokens]") {
    ServerProcess server;
    std::string key, db;
    for (const auto& entry : std::filesystem::directory_iterator(server.folder())) {
        if (entry.path().extension() == ".key") key = entry.path();
        if (entry.path().extension() == ".db") db = entry.path();
    }
    REQUIRE_FALSE(key.empty());
    REQUIRE_FALSE(db.empty());
    CHECK(mode_of(key) == 0600);
    CHECK((mode_of(db) & 077) == 0);
    CHECK((mode_of(db + "-wal") & 077) == 0);
    // A token made before a restart still works: the key is kept, not remade.
    auto warehouse = login(server, "warehouse");
    server.restart();
    CHECK(warehouse.get("/api/v1/me").status == 200);
}

TEST_CASE("a scan id sent again with a different body is refused as reused, the same body is replayed", "[e2e][tokens]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto station_client = station(server);
    auto first = warehouse.get("/api/v1/devices?state=available&limit=2").object()->getArray("items");
    REQUIRE(first->size() == 2);
    const std::string tag_a = first->getObject(0)->getValue<std::string>("asset_tag");
    const std::string tag_b = first->getObject(1)->getValue<std::string>("asset_tag");
    const std::string id = new_scan_id();
    REQUIRE(post_scan(station_client, "count", tag_a, "", id).status == 200);
    auto same = post_scan(station_client, "count", tag_a, "", id);
    REQUIRE(same.status == 200);
    CHECK(same.object()->getValue<bool>("replayed"));
    require_problem(post_scan(station_client, "count", tag_b, "", id), 422, "scan_id_reused");
}
