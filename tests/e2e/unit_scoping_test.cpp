// Who may see and touch what: records belong to one BHM unit, a scan station's token opens only the
// scan endpoints, every other call needs a valid token, and only a manager looks across the region.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("a user of another unit cannot see or change the first unit's device, case or patient", "[e2e][scope]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto other = login(server, "warehouse2");
    const auto me = warehouse.get("/api/v1/me");
    const auto other_me = other.get("/api/v1/me");
    INFO(me.describe() << " / " << other_me.describe());
    REQUIRE(me.text("unit_id") != other_me.text("unit_id"));

    auto model = model_of_category(warehouse, "cpap");
    auto device = receive_by_scan(warehouse, model);
    const std::string device_path = "/api/v1/devices/" + std::to_string(id_of(device));
    auto created = specialist_application(caseworker, "cpap", 11);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(created));
    auto patient = created->getObject("patient");
    REQUIRE(patient);
    const std::string national_id = text_of(patient, "national_id");
    const std::string patient_name = text_of(patient, "name");

    // The owners see them: the refusals below are about the unit, not about missing records.
    REQUIRE(warehouse.get(device_path).status == 200);
    REQUIRE(warehouse.get(device_path + "/history").status == 200);
    REQUIRE(caseworker.get(case_path).status == 200);

    const auto history_before = device_events(warehouse, id_of(device))->size();
    for (const auto& answer : {other.get(device_path), other.get(device_path + "/history"),
                               other.post(device_path + "/cleaning", ""), other.get(case_path)}) {
        INFO(answer.describe());
        CHECK((answer.status == 404 || answer.status == 403));
        CHECK(answer.content_type == "application/problem+json");
        CHECK(answer.body.find(national_id) == std::string::npos);
        CHECK(answer.body.find(patient_name) == std::string::npos);
        CHECK(answer.body.find(text_of(device, "serial")) == std::string::npos);
    }
    // A scan in the other unit does not find the device by its tag either.
    auto scanned = post_scan(other, "count", text_of(device, "asset_tag"));
    INFO(scanned.describe());
    CHECK(scanned.status == 404);
    CHECK(scanned.text("result") == "refused");

    auto after = warehouse.get(device_path).object();
    CHECK(after->getValue<bool>("cleaned") == false);
    CHECK(device_events(warehouse, id_of(device))->size() == history_before);
}

TEST_CASE("a scan station token opens only the scan endpoints, and calls without a valid token are not logged in",
          "[e2e][scope]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto scanner = station(server);
    auto device = receive_by_scan(warehouse, model_of_category(warehouse, "cpap"));
    const std::string device_path = "/api/v1/devices/" + std::to_string(id_of(device));

    // The station scans fine...
    auto counted = post_scan(scanner, "count", text_of(device, "asset_tag"));
    INFO(counted.describe());
    CHECK(counted.status == 200);
    // ...but may do nothing else.
    require_problem(scanner.get("/api/v1/devices"), 403);
    require_problem(scanner.get(device_path), 403);
    require_problem(scanner.get("/api/v1/cases"), 403);
    require_problem(scanner.post(device_path + "/cleaning", ""), 403);
    require_problem(scanner.get("/api/v1/me"), 403);

    const ApiClient anonymous(server.port());
    require_problem(anonymous.get("/api/v1/devices"), 401);
    require_problem(anonymous.post("/api/v1/scans", scan_object(new_scan_id(), "count", text_of(device, "asset_tag"))),
                    401);
    require_problem(anonymous.with_token("0123456789abcdef0123456789abcdef").get("/api/v1/devices"), 401);
    require_problem(anonymous.with_token("0123456789abcdef0123456789abcdef")
                        .post("/api/v1/scans", scan_object(new_scan_id(), "count", text_of(device, "asset_tag"))),
                    401);
    require_problem(anonymous.with_token("not.a.jwt").get("/api/v1/devices"), 401);
    CHECK(warehouse.get(device_path).status == 200);
}

TEST_CASE("a manager may list the devices of the whole region but a warehouse user may not", "[e2e][scope]") {
    ServerProcess server;
    auto manager = login(server, "manager");
    auto warehouse = login(server, "warehouse");

    auto region = manager.get("/api/v1/devices?scope=region&limit=500");
    INFO(region.describe());
    REQUIRE(region.status == 200);
    CHECK(region.object()->getArray("items")->size() > 0);

    require_problem(warehouse.get("/api/v1/devices?scope=region"), 403, "forbidden");
    CHECK(warehouse.get("/api/v1/devices").status == 200);
}
