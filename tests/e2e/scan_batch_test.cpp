// An offline station catching up: POST /scans/batch answers one result per scan in the order sent,
// and a batch over the limit of 100 is refused whole, applying none of its scans.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("a scan batch returns one result per scan in the order sent", "[e2e][batch]") {
    ServerProcess server;
    auto scanner = station(server);
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    const std::string gtin = text_of(model, "gtin");
    const std::string first = new_serial(), second = new_serial();

    const std::vector<std::string> ids{new_scan_id(), new_scan_id(), new_scan_id(), new_scan_id()};
    Poco::JSON::Array::Ptr scans = new Poco::JSON::Array;
    scans->add(scan_object(ids[0], "receive", gs1_device_label(gtin, first)));
    scans->add(scan_object(ids[1], "receive", gs1_device_label(gtin_with_bad_check_digit(gtin), new_serial())));
    scans->add(scan_object(ids[2], "receive", gs1_device_label(gtin, second)));
    scans->add(scan_object(ids[3], "count", gs1_device_label(gtin, first)));   // needs scan 0 applied first
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("scans", scans);

    auto answer = scanner.post("/api/v1/scans/batch", body);
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    auto results = answer.object()->getArray("results");
    REQUIRE(results);
    REQUIRE(results->size() == 4);
    const std::vector<std::string> expected_result{"ok", "refused", "ok", "ok"};
    const std::vector<int> expected_status{200, 422, 200, 200};
    for (unsigned i = 0; i < 4; ++i) {
        auto result = results->getObject(i);
        INFO("result " << i << ": " << to_json(result));
        CHECK(text_of(result, "id") == ids[i]);
        CHECK(text_of(result, "result") == expected_result[i]);
        CHECK(result->getValue<int>("http_status") == expected_status[i]);
    }
    CHECK(text_of(results->getObject(1), "code") == "unreadable_code");
    CHECK(text_of(results->getObject(0)->getObject("device"), "serial") == first);
    CHECK(text_of(results->getObject(2)->getObject("device"), "serial") == second);
    CHECK(text_of(results->getObject(3)->getObject("device"), "serial") == first);

    // The same batch again is answered from the kept answers and applies nothing twice.
    const auto devices = all_devices(warehouse).size();
    auto again = scanner.post("/api/v1/scans/batch", body);
    INFO(again.describe());
    REQUIRE(again.status == 200);
    auto replayed = again.object()->getArray("results");
    REQUIRE(replayed->size() == 4);
    for (unsigned i = 0; i < 4; ++i) {
        INFO("replayed " << i << ": " << to_json(replayed->getObject(i)));
        CHECK(text_of(replayed->getObject(i), "id") == ids[i]);
        CHECK(text_of(replayed->getObject(i), "result") == expected_result[i]);
        CHECK(replayed->getObject(i)->getValue<bool>("replayed"));
    }
    CHECK(all_devices(warehouse).size() == devices);
}

TEST_CASE("a scan batch of 101 is refused with 413 and applies none of its scans", "[e2e][batch]") {
    ServerProcess server;
    auto scanner = station(server);
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    const std::string gtin = text_of(model, "gtin");
    const auto devices_before = all_devices(warehouse).size();

    std::vector<std::string> ids, serials;
    Poco::JSON::Array::Ptr scans = new Poco::JSON::Array;
    for (int i = 0; i < 101; ++i) {
        ids.push_back(new_scan_id());
        serials.push_back(new_serial());
        scans->add(scan_object(ids.back(), "receive", gs1_device_label(gtin, serials.back())));
    }
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("scans", scans);
    auto answer = scanner.post("/api/v1/scans/batch", body);
    require_problem(answer, 413, "batch_too_large");
    CHECK(all_devices(warehouse).size() == devices_before);

    // None was kept either: the first scan sent alone now is new, not a replay, and receives its device.
    auto alone = scanner.post("/api/v1/scans", scan_object(ids[0], "receive", gs1_device_label(gtin, serials[0])));
    INFO(alone.describe());
    REQUIRE(alone.status == 200);
    CHECK(alone.text("replayed") == "false");
    CHECK(all_devices(warehouse).size() == devices_before + 1);

    // 100 is the limit, not 99: the same batch less one goes through.
    scans->remove(100);
    auto hundred = scanner.post("/api/v1/scans/batch", body);
    INFO(hundred.describe().substr(0, 300));
    REQUIRE(hundred.status == 200);
    CHECK(hundred.object()->getArray("results")->size() == 100);
    CHECK(all_devices(warehouse).size() == devices_before + 100);
}
