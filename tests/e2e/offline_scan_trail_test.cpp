// An offline station's queue reaches the server late: the audit trail must still say when each scan
// was made (its scanned_at) and at which bench a logged-in user scanned (the body's station).
// Tagged : a known server bug (see tests/e2e/README.md); drop the tag once it is fixed.
#include <catch2/catch.hpp>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("a scan sent late from an offline queue keeps its scan time and bench in the device history",
          "[e2e][batch]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    Poco::DateTime two_hours_ago;
    two_hours_ago -= Poco::Timespan(0, 2, 0, 0, 0);
    const std::string scanned_at = Poco::DateTimeFormatter::format(two_hours_ago, "%Y-%m-%dT%H:%M:%SZ");

    const std::string id = new_scan_id();
    auto scan = scan_object(id, "receive", gs1_device_label(text_of(model, "gtin"), new_serial()));
    scan->set("scanned_at", scanned_at);   // scan_object names the bench "e2e-bench"
    Poco::JSON::Array::Ptr scans = new Poco::JSON::Array;
    scans->add(scan);
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("scans", scans);
    auto answer = warehouse.post("/api/v1/scans/batch", body);
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    auto result = answer.object()->getArray("results")->getObject(0);
    REQUIRE(text_of(result, "result") == "ok");

    auto events = device_events(warehouse, id_of(result->getObject("device")));
    Poco::JSON::Object::Ptr received;
    for (const auto& item : *events) {
        auto event = item.extract<Poco::JSON::Object::Ptr>();
        if (text_of(event, "scan_id") == id) received = event;
    }
    REQUIRE(received);
    INFO("event: " << to_json(received));
    const std::string at = text_of(received, "at");
    std::string data_scanned_at;
    if (received->has("data") && received->get("data").type() == typeid(Poco::JSON::Object::Ptr))
        data_scanned_at = text_of(received->getObject("data"), "scanned_at");
    INFO("at " << at << ", data.scanned_at " << data_scanned_at << ", sent scanned_at " << scanned_at);
    CHECK((at == scanned_at || data_scanned_at == scanned_at));
    CHECK(text_of(received, "station") == "e2e-bench");
}
