// Idle sockets cost the server a descriptor, never a worker: hundreds of them leave a scan and a
// read as prompt as ever, and when the server is busy it closes them after a few seconds.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "normal_service.h"
#include "raw_connection.h"

using namespace bhm;
using namespace bhm::reliability;
using namespace std::chrono_literals;

TEST_CASE("500 idle connections do not keep a scan or a read waiting", "[reliability][idle]") {
    e2e::ServerProcess server;
    NormalService normal(server);
    std::vector<RawConnection> idle;
    for (int i = 0; i < 500; ++i) idle.emplace_back(server.port(), loopback_source(2 + i / 100));
    std::this_thread::sleep_for(200ms);
    double worst = 0;
    for (int round = 0; round < 5; ++round) worst = std::max(worst, normal.require_prompt_answers());
    WARN("slowest normal answer beside 500 idle connections: " << worst << " ms");
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("a busy server closes idle connections after the busy idle timeout", "[reliability][idle]") {
    // Busy above 100 open sockets; idle ones then go after 1 s instead of 10 s.
    e2e::ServerProcess server({.environment = {{"BHM_BUSY_CONNECTIONS", "100"}, {"BHM_BUSY_IDLE_TIMEOUT", "1"}}});
    NormalService normal(server);
    std::vector<RawConnection> idle;
    for (int i = 0; i < 150; ++i) idle.emplace_back(server.port(), loopback_source(2));
    normal.require_prompt_answers();
    const auto start = std::chrono::steady_clock::now();
    for (auto& c : idle) REQUIRE(c.closed_by_server(5s));
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    WARN("150 idle connections on a busy server closed within " << took << " s");
    CHECK(took < 4);
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("a quiet server keeps an idle keep-alive connection for the idle timeout, then closes it", "[reliability][idle]") {
    e2e::ServerProcess server({.environment = {{"BHM_IDLE_TIMEOUT", "2"}}});
    RawConnection c(server.port());
    REQUIRE(c.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));
    auto first = c.read_answer(1s);
    REQUIRE(first);
    CHECK(first->status == 200);
    std::this_thread::sleep_for(1s);
    REQUIRE(c.send("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"));   // still open after 1 s
    auto second = c.read_answer(1s);
    REQUIRE(second);
    CHECK(second->status == 200);
    CHECK(c.closed_by_server(4s));
}

TEST_CASE("past the connection cap a new connection is answered 503 with Retry-After at once", "[reliability][overload]") {
    e2e::ServerProcess server({.environment = {{"BHM_MAX_CONNECTIONS", "40"}}});
    NormalService normal(server);
    // Connections that began a request cannot be evicted the way idle ones are.
    std::vector<RawConnection> busy;
    for (int i = 0; i < 40; ++i) {
        busy.emplace_back(server.port(), loopback_source(2 + i % 4));
        REQUIRE(busy.back().send("GET /api/v1/health HT"));
    }
    std::this_thread::sleep_for(200ms);
    RawConnection extra(server.port(), loopback_source(9));
    const auto start = std::chrono::steady_clock::now();
    auto answer = extra.read_answer(1s);
    REQUIRE(answer);
    CHECK(std::chrono::steady_clock::now() - start < 1s);
    CHECK(answer->status == 503);
    CHECK(answer->has_field("Retry-After: 1"));
    CHECK(answer->has_field("Content-Type: application/problem+json"));
    busy.clear();   // the half requests go; the server serves again
    std::this_thread::sleep_for(300ms);
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("at the connection cap the longest-idle connection gives way to a new one", "[reliability][overload]") {
    e2e::ServerProcess server({.environment = {{"BHM_MAX_CONNECTIONS", "40"}}});
    std::vector<RawConnection> idle;
    for (int i = 0; i < 40; ++i) idle.emplace_back(server.port(), loopback_source(2 + i % 4));
    std::this_thread::sleep_for(200ms);
    NormalService normal(server);   // its connections push the oldest idle ones out
    normal.require_prompt_answers();
    CHECK(idle.front().closed_by_server(1s));
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("one address past its connection cap is answered 503 while other addresses are served", "[reliability][overload]") {
    e2e::ServerProcess server({.environment = {{"BHM_MAX_CONNECTIONS_PER_ADDRESS", "8"}}});
    NormalService normal(server);
    std::vector<RawConnection> held;
    for (int i = 0; i < 8; ++i) held.emplace_back(server.port(), loopback_source(7));
    RawConnection ninth(server.port(), loopback_source(7));
    auto answer = ninth.read_answer(1s);
    REQUIRE(answer);
    CHECK(answer->status == 503);
    CHECK(answer->has_field("Retry-After: 1"));
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("past the request queue the server answers 503 with Retry-After at once, and serves the rest", "[reliability][overload]") {
    // One worker and a queue of one: logins (PBKDF2, tens of ms each) sent at once overflow it.
    e2e::ServerProcess server({.environment = {{"BHM_HTTP_WORKERS", "1"}, {"BHM_HTTP_QUEUE", "1"}}});
    const std::string body = "{\"username\":\"warehouse\",\"password\":\"" + server.demo_password() + "\"}";
    const std::string login = "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                              "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
    std::vector<RawConnection> clients;
    for (int i = 0; i < 20; ++i) clients.emplace_back(server.port(), loopback_source(2 + i % 4));
    for (auto& c : clients) REQUIRE(c.send(login));
    int ok = 0, busy = 0;
    for (auto& c : clients) {
        auto answer = c.read_answer(10s);
        REQUIRE(answer);
        if (answer->status == 200) ++ok;
        if (answer->status == 503) {
            ++busy;
            CHECK(answer->has_field("Retry-After: 1"));
        }
    }
    CHECK(ok + busy == 20);
    CHECK(ok >= 1);
    CHECK(busy >= 1);
    NormalService normal(server);
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}
