// The API describes itself (GET /openapi.json lists every endpoint these tests call), and a login
// token is only good as issued: a token changed by anyone, or one past its expiry, is not logged in.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("the OpenAPI document lists every endpoint and method the whole-system tests use", "[e2e][openapi]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto answer = warehouse.get("/api/v1/openapi.json");
    INFO(answer.describe().substr(0, 400));
    REQUIRE(answer.status == 200);
    auto doc = answer.object();
    CHECK(text_of(doc, "openapi").rfind("3.", 0) == 0);
    auto paths = doc->getObject("paths");
    REQUIRE(paths);

    const std::vector<std::pair<std::string, std::string>> used{
        {"get", "/api/v1/health"},
        {"post", "/api/v1/auth/login"},
        {"get", "/api/v1/me"},
        {"get", "/api/v1/models"},
        {"get", "/api/v1/devices"},
        {"post", "/api/v1/devices"},
        {"get", "/api/v1/devices/{id}"},
        {"get", "/api/v1/devices/{id}/history"},
        {"post", "/api/v1/devices/{id}/cleaning"},
        {"post", "/api/v1/devices/{id}/inspections"},
        {"get", "/api/v1/cases"},
        {"post", "/api/v1/cases"},
        {"get", "/api/v1/cases/{id}"},
        {"post", "/api/v1/cases/{id}/decision"},
        {"post", "/api/v1/cases/{id}/journal-note"},
        {"post", "/api/v1/cases/{id}/site-checks"},
        {"post", "/api/v1/cases/{id}/deliveries"},
        {"get", "/api/v1/loans/overdue"},
        {"post", "/api/v1/scans"},
        {"post", "/api/v1/scans/batch"},
        {"get", "/api/v1/openapi.json"},
    };
    for (const auto& [method, path] : used) {
        INFO(method << " " << path);
        REQUIRE(paths->has(path));
        auto item = paths->getObject(path);
        REQUIRE(item->has(method));
        auto operation = item->getObject(method);
        CHECK_FALSE(text_of(operation, "summary").empty());
        if (path.find("{id}") != std::string::npos) CHECK(operation->has("parameters"));
    }
    // Nothing is listed that the server does not serve: every listed GET without parameters answers.
    for (const auto& [path, item] : *paths) {
        if (path.find('{') != std::string::npos) continue;
        auto methods = item.extract<Poco::JSON::Object::Ptr>();
        if (!methods->has("get")) continue;
        auto served = warehouse.get(path);
        INFO("GET " << path << ": " << served.describe().substr(0, 300));
        CHECK(served.status != 404);
        CHECK(served.status != 405);
        CHECK(served.status < 500);
    }
}

TEST_CASE("a login token that was tampered with is refused with 401", "[e2e][tokens]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    const std::string token = warehouse.token();
    REQUIRE(warehouse.get("/api/v1/me").status == 200);

    const auto first_dot = token.find('.'), last_dot = token.rfind('.');
    REQUIRE(first_dot != std::string::npos);
    REQUIRE(last_dot != first_dot);
    std::vector<std::pair<std::string, std::string>> tampered;
    std::string signature_changed = token;
    signature_changed[last_dot + 1] = signature_changed[last_dot + 1] == 'A' ? 'B' : 'A';
    tampered.emplace_back("signature changed", signature_changed);
    std::string payload_changed = token;
    payload_changed[first_dot + 2] = payload_changed[first_dot + 2] == 'A' ? 'B' : 'A';
    tampered.emplace_back("payload changed", payload_changed);
    tampered.emplace_back("signature cut off", token.substr(0, last_dot + 1));
    // {"alg":"none"} with the same payload: an unsigned token must never pass.
    tampered.emplace_back("unsigned (alg none)", "eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0" + token.substr(first_dot, last_dot - first_dot) + ".");

    for (const auto& [what, bad] : tampered) {
        INFO(what);
        REQUIRE(bad != token);
        require_problem(warehouse.with_token(bad).get("/api/v1/me"), 401, "not_authenticated");
        require_problem(warehouse.with_token(bad).get("/api/v1/devices"), 401, "not_authenticated");
    }
    CHECK(warehouse.get("/api/v1/me").status == 200);
}

TEST_CASE("a login token past its expiry is refused with 401", "[e2e][tokens]") {
    ServerProcess::Options options;
    options.environment["BHM_TOKEN_MINUTES"] = "0";   // tokens expire the moment they are issued
    ServerProcess server(options);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("username", "warehouse");
    body->set("password", server.demo_password());
    auto logged_in = ApiClient(server.port()).post("/api/v1/auth/login", body);
    INFO(logged_in.describe());
    REQUIRE(logged_in.status == 200);
    const ApiClient expired(server.port(), logged_in.text("token"));
    require_problem(expired.get("/api/v1/me"), 401, "not_authenticated");
}
