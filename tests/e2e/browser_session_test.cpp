// Browsers sign in with a session cookie (HttpOnly, SameSite=Strict, Path=/), their writes pass a
// CSRF check, logout ends the session on the server, and the pages are served at "/".
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

struct BrowserSignIn {
    std::string cookie;   // "bhm_session=..."
    std::string csrf;
    ApiResponse answer;
};

BrowserSignIn sign_in(const ServerProcess& server, const std::string& username) {
    BrowserSignIn in;
    in.answer = ApiClient(server.port()).post("/api/v1/auth/session",
        "{\"username\":\"" + username + "\",\"password\":\"" + server.demo_password() + "\"}");
    INFO(in.answer.describe());
    REQUIRE(in.answer.status == 200);
    REQUIRE(in.answer.headers.count("Set-Cookie") == 1);
    const std::string set = in.answer.headers.at("Set-Cookie");
    in.cookie = set.substr(0, set.find(';'));
    in.csrf = in.answer.text("csrf_token");
    return in;
}

ApiResponse with_cookie(const ServerProcess& server, const BrowserSignIn& in, const std::string& method,
                        const std::string& path, const std::map<std::string, std::string>& more = {},
                        const std::string& body = "") {
    std::map<std::string, std::string> headers{{"Cookie", in.cookie}};
    headers.insert(more.begin(), more.end());
    return ApiClient(server.port()).send(method, path, body, !body.empty(), headers);
}

}  // namespace

TEST_CASE("a browser sign-in sets an HttpOnly SameSite=Strict session cookie that the API accepts", "[e2e][browser]") {
    ServerProcess server;
    auto in = sign_in(server, "technician");
    const std::string set = in.answer.headers.at("Set-Cookie");
    CHECK(set.find("HttpOnly") != std::string::npos);
    CHECK(set.find("SameSite=Strict") != std::string::npos);
    CHECK(set.find("Path=/") != std::string::npos);
    CHECK(set.find("Secure") == std::string::npos);   // plain http on loopback
    CHECK(in.answer.text("role") == "technician");
    CHECK(in.csrf.size() >= 16);
    auto me = with_cookie(server, in, "GET", "/api/v1/me");
    INFO(me.describe());
    REQUIRE(me.status == 200);
    CHECK(me.text("username") == "technician");
    CHECK(me.text("csrf_token") == in.csrf);   // a reloaded page gets it back
}

TEST_CASE("a wrong password signs no browser in and sets no cookie", "[e2e][browser]") {
    ServerProcess server;
    auto answer = ApiClient(server.port()).post("/api/v1/auth/session", R"({"username":"technician","password":"wrong"})");
    require_problem(answer, 401, "login_failed");
    CHECK(answer.headers.count("Set-Cookie") == 0);
}

TEST_CASE("a cookie-authenticated write from another origin, or with no CSRF token, is refused", "[e2e][browser]") {
    ServerProcess server;
    auto in = sign_in(server, "warehouse");
    auto warehouse = login(server, "warehouse");
    auto device = warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items")->getObject(0);
    const std::string path = "/api/v1/devices/" + std::to_string(id_of(device)) + "/lost";
    const std::string body = R"({"note":"not on the shelf"})";
    require_problem(with_cookie(server, in, "POST", path, {{"Origin", "http://evil.example"}}, body), 403, "csrf_refused");
    require_problem(with_cookie(server, in, "POST", path, {}, body), 403, "csrf_refused");
    require_problem(with_cookie(server, in, "POST", path, {{"X-CSRF-Token", "guess"}}, body), 403, "csrf_refused");
    CHECK(text_of(warehouse.get("/api/v1/devices/" + std::to_string(id_of(device))).object(), "state") == "available");
    auto same_origin = with_cookie(server, in, "POST", path,
                                   {{"Origin", "http://127.0.0.1:" + std::to_string(server.port())}}, body);
    INFO(same_origin.describe());
    CHECK(same_origin.status == 200);
}

TEST_CASE("a cookie-authenticated write with the session's CSRF token goes through", "[e2e][browser]") {
    ServerProcess server;
    auto in = sign_in(server, "warehouse");
    auto warehouse = login(server, "warehouse");
    auto device = warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items")->getObject(0);
    auto answer = with_cookie(server, in, "POST", "/api/v1/devices/" + std::to_string(id_of(device)) + "/lost",
                              {{"X-CSRF-Token", in.csrf}}, R"({"note":"not on the shelf"})");
    INFO(answer.describe());
    CHECK(answer.status == 200);
}

TEST_CASE("logout ends the session on the server, not only in the browser", "[e2e][browser]") {
    ServerProcess server;
    auto in = sign_in(server, "manager");
    REQUIRE(with_cookie(server, in, "GET", "/api/v1/me").status == 200);
    auto out = with_cookie(server, in, "POST", "/api/v1/auth/logout");
    REQUIRE(out.status == 200);
    REQUIRE(out.headers.count("Set-Cookie") == 1);
    CHECK(out.headers.at("Set-Cookie").find("Max-Age=0") != std::string::npos);
    // The old cookie, replayed, no longer works.
    require_problem(with_cookie(server, in, "GET", "/api/v1/me"), 401, "not_authenticated");
}

TEST_CASE("a bearer token needs no CSRF token: it is no ambient credential", "[e2e][browser]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto device = warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items")->getObject(0);
    auto answer = warehouse.send("POST", "/api/v1/devices/" + std::to_string(id_of(device)) + "/lost",
                                 R"({"note":"x"})", true, {{"Origin", "http://evil.example"}});
    CHECK(answer.status == 200);
}

TEST_CASE("the pages are served at / with a strict content security policy, /api/ paths are never files", "[e2e][browser]") {
    ServerProcess server;
    const ApiClient anonymous(server.port());
    auto page = anonymous.get("/");
    INFO(page.describe());
    REQUIRE(page.status == 200);
    CHECK(page.content_type.find("text/html") == 0);
    CHECK(page.body.find("<html") != std::string::npos);
    REQUIRE(page.headers.count("Content-Security-Policy") == 1);
    CHECK(page.headers.at("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    CHECK(page.headers.at("X-Frame-Options") == "DENY");
    require_problem(anonymous.get("/no/such/page.html"), 404, "no_such_page");
    require_problem(anonymous.get("/../../etc/passwd"), 404);
    require_problem(anonymous.get("/.git/config"), 404, "no_such_page");
    require_problem(anonymous.send("DELETE", "/index.html"), 405, "method_not_allowed");
    require_problem(anonymous.get("/api/v1/index.html"), 404, "no_such_endpoint");
}
