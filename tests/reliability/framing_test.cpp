// Broken framing is refused at once with problem+json, and the action never runs: a malformed
// chunk or length does not pass for an empty body, and JSON must say it is JSON.
#include <catch2/catch.hpp>

#include <thread>

#include "normal_service.h"
#include "raw_connection.h"
#include "workflow_steps.h"

using namespace bhm;
using namespace bhm::reliability;
using namespace std::chrono_literals;

namespace {

// Sends `request` on a fresh connection and REQUIREs an answer within one second.
RawAnswer answer_at_once(const e2e::ServerProcess& server, const std::string& request) {
    RawConnection c(server.port());
    REQUIRE(c.send(request));
    const auto start = std::chrono::steady_clock::now();
    auto answer = c.read_answer(1s);
    INFO(request);
    REQUIRE(answer);
    CHECK(std::chrono::steady_clock::now() - start < 1s);
    return *answer;
}

void check_problem(const RawAnswer& answer, int status) {
    INFO(answer.head << answer.body);
    CHECK(answer.status == status);
    CHECK(answer.has_field("Content-Type: application/problem+json"));
    CHECK(answer.body.find("\"code\"") != std::string::npos);
}

std::string state_of(const e2e::ApiClient& client, long long device) {
    return e2e::text_of(client.get("/api/v1/devices/" + std::to_string(device)).object(), "state");
}

}  // namespace

TEST_CASE("unknown and lower-case methods are 501 at once, OPTIONS and TRACE are 405 at once", "[reliability][framing]") {
    e2e::ServerProcess server;
    for (const std::string method : {"BREW", "get", "FOO-BAR"})
        check_problem(answer_at_once(server, method + " /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"), 501);
    for (const std::string method : {"OPTIONS", "TRACE"})
        check_problem(answer_at_once(server, method + " /api/v1/devices HTTP/1.1\r\nHost: x\r\n\r\n"), 405);
    NormalService(server).require_prompt_answers();
}

TEST_CASE("a malformed chunk size or length is 400 and the device is not marked lost", "[reliability][framing]") {
    e2e::ServerProcess server;
    NormalService normal(server);
    auto warehouse = e2e::login(server, "warehouse");
    auto available = warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items");
    REQUIRE(available->size() == 1);
    const long long device = e2e::id_of(available->getObject(0));
    const std::string before = state_of(warehouse, device);
    const std::string head = "POST /api/v1/devices/" + std::to_string(device) + "/lost HTTP/1.1\r\nHost: x\r\n" +
                             "Authorization: Bearer " + warehouse.token() + "\r\nContent-Type: application/json\r\n";
    const std::string note = "{\"note\":\"not on the shelf\"}";
    for (const std::string size : {"zz", "-5", "123456789abcdef01234"}) {
        INFO("chunk size " << size);
        check_problem(answer_at_once(server, head + "Transfer-Encoding: chunked\r\n\r\n" + size + "\r\n" + note + "\r\n0\r\n\r\n"), 400);
    }
    for (const std::string length : {"-1", "abc", "12, 12"}) {
        INFO("Content-Length " << length);
        check_problem(answer_at_once(server, head + "Content-Length: " + length + "\r\n\r\n" + note), 400);
    }
    check_problem(answer_at_once(server, head + "Content-Length: 27\r\nTransfer-Encoding: chunked\r\n\r\n" + note), 400);
    CHECK(state_of(warehouse, device) == before);
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("a JSON body not declared as application/json is 415 and changes nothing", "[reliability][framing]") {
    e2e::ServerProcess server;
    auto warehouse = e2e::login(server, "warehouse");
    auto available = warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items");
    const long long device = e2e::id_of(available->getObject(0));
    const std::string note = "{\"note\":\"not on the shelf\"}";
    for (const std::string type : {"Content-Type: text/plain\r\n", "Content-Type: application/jsonp\r\n", ""}) {
        INFO(type);
        check_problem(answer_at_once(server, "POST /api/v1/devices/" + std::to_string(device) +
                                                 "/lost HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + warehouse.token() +
                                                 "\r\n" + type + "Content-Length: " + std::to_string(note.size()) +
                                                 "\r\n\r\n" + note),
                      415);
    }
    CHECK(state_of(warehouse, device) == "available");
    auto declared = warehouse.post("/api/v1/devices/" + std::to_string(device) + "/lost", note);
    CHECK(declared.status == 200);   // the same body, declared, is taken
}

TEST_CASE("the token is checked before the body is read", "[reliability][framing]") {
    e2e::ServerProcess server;
    // A body is declared but never sent: the 401 comes at once, from the head alone.
    auto answer = answer_at_once(server, "POST /api/v1/scans HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer forged\r\n"
                                         "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n");
    check_problem(answer, 401);
    auto anonymous = answer_at_once(server, "POST /api/v1/devices HTTP/1.1\r\nHost: x\r\n"
                                            "Content-Type: application/json\r\nContent-Length: 500\r\n\r\n");
    check_problem(anonymous, 401);
}

TEST_CASE("a head that is not HTTP/1.x framing is 400 and the connection is closed", "[reliability][framing]") {
    e2e::ServerProcess server;
    for (const std::string& bad : {std::string("GET /api/v1/health HTTP/1.1\nHost: x\n\n"),
                                  std::string("GET /api/v1/health HTTP/1.1\r\nHost : x\r\n\r\n"),
                                  std::string("GET /api/v1/health HTTP/1.1\r\nX: a\r\n folded\r\n\r\n")}) {
        RawConnection c(server.port());
        REQUIRE(c.send(bad));
        auto answer = c.read_answer(1s);
        REQUIRE(answer);
        check_problem(*answer, 400);
        CHECK(answer->has_field("Connection: close"));
        CHECK(c.closed_by_server(2s));
    }
    NormalService(server).require_prompt_answers();
}

TEST_CASE("pipelined requests on one connection are answered in order", "[reliability][framing]") {
    e2e::ServerProcess server;
    RawConnection c(server.port());
    REQUIRE(c.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\nGET /api/v1/nowhere HTTP/1.1\r\nHost: x\r\n\r\n"
                   "GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
    auto first = c.read_answer(1s), second = c.read_answer(1s), third = c.read_answer(1s);
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(third);
    CHECK(first->status == 200);
    CHECK(second->status == 404);
    CHECK(third->status == 200);
    CHECK(c.closed_by_server(2s));
}
