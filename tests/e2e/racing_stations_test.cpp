// Two stations racing for one device (ARCHITECTURE.md principle 3): two issue scans for the same
// available device into two approved cases, fired at the same moment; exactly one wins.
#include <catch2/catch.hpp>

#include <latch>
#include <thread>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("two stations picking the same device for two cases at once: exactly one gets it, the other a conflict",
          "[e2e][race]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto technician = login(server, "technician");
    auto scanner = station(server);
    auto model = model_of_category(warehouse, "cpap");

    // A few rounds, each with a fresh device and two fresh cases, to give the race more chances.
    for (int round = 0; round < 3; ++round) {
        INFO("round " << round);
        auto device = ready_device(warehouse, technician, model);
        const std::string tag = text_of(device, "asset_tag");
        const std::vector<Poco::JSON::Object::Ptr> cases{approved_case(caseworker, "cpap", 100 + 2 * round),
                                                         approved_case(caseworker, "cpap", 101 + 2 * round)};
        const std::vector<ApiClient> stations{scanner, warehouse};   // the demo station and a warehouse user's bench

        // Everything that asserts happens here: Catch2's assertions are not for other threads.
        const std::vector<std::string> bodies{
            to_json(scan_object(new_scan_id(), "issue", tag, text_of(cases[0], "number"))),
            to_json(scan_object(new_scan_id(), "issue", tag, text_of(cases[1], "number")))};
        std::vector<ApiResponse> answers(2);
        std::latch start(2);
        std::vector<std::thread> threads;
        for (int i = 0; i < 2; ++i) {
            threads.emplace_back([&, i] {
                const auto& body = bodies[static_cast<std::size_t>(i)];
                start.arrive_and_wait();
                try {
                    answers[static_cast<std::size_t>(i)] = stations[static_cast<std::size_t>(i)].post("/api/v1/scans", body);
                } catch (const std::exception& e) {
                    answers[static_cast<std::size_t>(i)].body = e.what();
                }
            });
        }
        for (auto& t : threads) t.join();

        int ok = 0, conflicts = 0, winner = -1;
        for (int i = 0; i < 2; ++i) {
            INFO("station " << i << ": " << answers[i].describe());
            if (answers[i].status == 200 && answers[i].text("result") == "ok") {
                ++ok;
                winner = i;
            } else {
                CHECK(answers[i].status == 409);
                CHECK(answers[i].text("result") == "conflict");
                CHECK(answers[i].content_type == "application/problem+json");
                CHECK_FALSE(answers[i].text("code").empty());
                CHECK_FALSE(answers[i].text("detail").empty());
                if (answers[i].status == 409 && answers[i].text("result") == "conflict") ++conflicts;
            }
        }
        REQUIRE(ok == 1);
        REQUIRE(conflicts == 1);
        auto now = warehouse.get("/api/v1/devices/" + std::to_string(id_of(device))).object();
        CHECK(text_of(now, "state") == "reserved");
        CHECK(id_of(now, "reserved_case_id") == id_of(cases[static_cast<std::size_t>(winner)]));
        int reserves = 0;
        auto events = device_events(warehouse, id_of(device));
        for (const auto& item : *events)
            if (text_of(item.extract<Poco::JSON::Object::Ptr>(), "kind") == "reserve") ++reserves;
        CHECK(reserves == 1);
    }
}
