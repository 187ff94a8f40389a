// An admin manages their own unit's logins; nobody else can, and a deactivated login stops working.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("an admin creates a login that works, changes its role, and deactivates it", "[e2e][users]") {
    ServerProcess server;
    auto admin = login(server, "admin");
    auto created = admin.post("/api/v1/users", R"({"username":"kari.lager","role":"warehouse","password":"lang-nok-passord"})");
    INFO(created.describe());
    REQUIRE(created.status == 201);
    CHECK_FALSE(created.object()->has("password_hash"));
    const std::string path = "/api/v1/users/" + std::to_string(id_of(created.object()));
    ApiClient anonymous(server.port());
    auto kari = anonymous.post("/api/v1/auth/login", R"({"username":"kari.lager","password":"lang-nok-passord"})");
    REQUIRE(kari.status == 200);
    CHECK(text_of(kari.object(), "role") == "warehouse");

    REQUIRE(admin.send("PATCH", path, R"({"role":"technician"})", true).status == 200);
    CHECK(text_of(anonymous.post("/api/v1/auth/login", R"({"username":"kari.lager","password":"lang-nok-passord"})")
                      .object(), "role") == "technician");
    REQUIRE(admin.send("PATCH", path, R"({"active":false})", true).status == 200);
    auto token = text_of(kari.object(), "token");
    CHECK(anonymous.with_token(token).get("/api/v1/me").status == 401);
    require_problem(anonymous.post("/api/v1/auth/login", R"({"username":"kari.lager","password":"lang-nok-passord"})"),
                    401, "login_failed");
}

TEST_CASE("only an admin manages logins, only in their own unit, with a role and a long enough password",
          "[e2e][users]") {
    ServerProcess server;
    auto admin = login(server, "admin");
    require_problem(login(server, "manager").post("/api/v1/users", R"({"username":"x1","role":"warehouse","password":"lang-nok-passord"})"), 403);
    require_problem(admin.post("/api/v1/users", R"({"username":"x2","role":"boss","password":"lang-nok-passord"})"), 400);
    require_problem(admin.post("/api/v1/users", R"({"username":"x3","role":"warehouse","password":"kort"})"), 400,
                    "weak_password");
    require_problem(admin.post("/api/v1/users", R"({"username":"warehouse","role":"warehouse","password":"lang-nok-passord"})"),
                    409, "duplicate");
    // warehouse2 belongs to the second unit: not this admin's to see or change.
    auto users = admin.get("/api/v1/users").array();
    for (std::size_t i = 0; i < users->size(); ++i)
        CHECK(text_of(users->getObject(static_cast<unsigned>(i)), "username") != "warehouse2");
}
