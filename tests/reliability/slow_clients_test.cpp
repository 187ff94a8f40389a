// Heads and bodies that trickle in have deadlines, and while they trickle a scan and a read are
// answered as promptly as ever: slowloris and stalled uploads cannot hold the workers.
#include <catch2/catch.hpp>

#include <thread>
#include <vector>

#include "normal_service.h"
#include "raw_connection.h"

using namespace bhm;
using namespace bhm::reliability;
using namespace std::chrono_literals;

TEST_CASE("50 slowloris connections sending one header byte a second are cut off with 408", "[reliability][slow]") {
    e2e::ServerProcess server({.environment = {{"BHM_HEADER_TIMEOUT", "4"}}});
    NormalService normal(server);
    std::vector<RawConnection> slow;
    for (int i = 0; i < 50; ++i) slow.emplace_back(server.port(), loopback_source(2 + i % 5));
    const std::string head = "GET /api/v1/devices HTTP/1.1\r\nHost: x\r\nX-Padding: ";
    double worst = 0;
    for (std::size_t second = 0; second < 3; ++second) {   // three bytes each, a second apart
        for (auto& c : slow) REQUIRE(c.send(head.substr(second, 1)));
        worst = std::max(worst, normal.require_prompt_answers());
        std::this_thread::sleep_for(1s);
    }
    WARN("slowest normal answer beside 50 slowloris connections: " << worst << " ms");
    for (auto& c : slow) {
        c.send("x");   // still trickling when the deadline comes
        auto answer = c.read_answer(4s);
        REQUIRE(answer);
        CHECK(answer->status == 408);
        CHECK(c.closed_by_server(2s));
    }
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("50 connections that send a request's head and stall in the body are cut off with 408", "[reliability][slow]") {
    e2e::ServerProcess server({.environment = {{"BHM_BODY_TIMEOUT", "3"}}});
    NormalService normal(server);
    const std::string stalled = "POST /api/v1/scans HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " +
                                server.station_token() +
                                "\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"id\":";
    std::vector<RawConnection> slow;
    for (int i = 0; i < 50; ++i) {
        slow.emplace_back(server.port(), loopback_source(2 + i % 5));
        REQUIRE(slow.back().send(stalled));
    }
    double worst = 0;
    for (int round = 0; round < 4; ++round) {
        worst = std::max(worst, normal.require_prompt_answers());
        std::this_thread::sleep_for(400ms);
    }
    WARN("slowest normal answer beside 50 stalled bodies: " << worst << " ms");
    for (auto& c : slow) {
        auto answer = c.read_answer(4s);
        REQUIRE(answer);
        CHECK(answer->status == 408);
    }
    normal.require_healthy_and_nothing_lost();
}

TEST_CASE("a POST head with no body and no length is answered at once, not when the socket closes", "[reliability][framing]") {
    e2e::ServerProcess server;
    NormalService normal(server);
    auto warehouse = e2e::login(server, "warehouse");
    for (const std::string path : {"/api/v1/devices/1/release", "/api/v1/devices/1/cleaning",
                                   "/api/v1/devices/1/return", "/api/v1/service-orders/1/close",
                                   "/api/v1/stations/1/revoke"}) {
        RawConnection c(server.port());
        REQUIRE(c.send("POST " + path + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + warehouse.token() + "\r\n\r\n"));
        const auto start = std::chrono::steady_clock::now();
        auto answer = c.read_answer(1s);
        INFO(path);
        REQUIRE(answer);
        CHECK(std::chrono::steady_clock::now() - start < 1s);
        CHECK(answer->status < 500);
    }
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}
