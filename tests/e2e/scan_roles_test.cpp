// The scan endpoints follow the one role table (shared/scans/scan_mode.h): a caseworker picks a device
// for a case and takes a returned one back by scan, as through /cases/{id}/reservation and
// /devices/{id}/return, and is refused the warehouse's and the workshop's modes.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("a caseworker may issue and return by scan but not receive, inspect or count", "[e2e][scan_roles]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto model = model_of_category(warehouse, "cpap");

    auto device = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", 1901);
    auto picked = post_scan(caseworker, "issue", text_of(device, "asset_tag"), text_of(c, "number"));
    INFO(picked.describe());
    REQUIRE(picked.status == 200);
    CHECK(text_of(picked.object(), "result") == "ok");

    auto on_loan = deliver_cpap(warehouse, technician, caseworker, 1902);
    auto returned = post_scan(caseworker, "return", text_of(on_loan.device, "asset_tag"));
    INFO(returned.describe());
    REQUIRE(returned.status == 200);
    CHECK(text_of(returned.object()->getObject("device"), "state") == "returned");

    require_problem(post_scan(caseworker, "receive", gs1_device_label(text_of(model, "gtin"), new_serial())), 403,
                    "forbidden");
    require_problem(post_scan(caseworker, "inspect", text_of(device, "asset_tag")), 403, "forbidden");
    require_problem(post_scan(caseworker, "count", text_of(device, "asset_tag")), 403, "forbidden");
}

TEST_CASE("a technician may count by scan but not issue", "[e2e][scan_roles]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto device = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", 1903);
    CHECK(post_scan(technician, "count", text_of(device, "asset_tag")).status == 200);
    require_problem(post_scan(technician, "issue", text_of(device, "asset_tag"), text_of(c, "number")), 403,
                    "forbidden");
}
