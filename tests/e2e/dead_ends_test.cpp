// The dead ends of issue 12 over the real API: every device and case can move on. A failed inspection
// opens a service order and the normal path leads back to stock; a picked device that fails is released;
// a second device is not delivered while another is picked; an own-equipment case ends in its own state.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

std::string case_path(const Poco::JSON::Object::Ptr& c) { return "/api/v1/cases/" + std::to_string(id_of(c)); }
std::string device_path(const Poco::JSON::Object::Ptr& d) { return "/api/v1/devices/" + std::to_string(id_of(d)); }

Poco::JSON::Object::Ptr failing_inspection(const Poco::JSON::Object::Ptr& model) {
    auto body = passing_inspection(model);
    body->set("visual_ok", false);   // a cracked housing
    return body;
}

std::string state_of(const ApiClient& client, const Poco::JSON::Object::Ptr& device) {
    return text_of(client.get(device_path(device)).object(), "state");
}

bool has_event(const ApiClient& client, const Poco::JSON::Object::Ptr& device, const std::string& kind) {
    auto events = device_events(client, id_of(device));   // kept: the loop must not outlive the array
    for (const auto& e : *events)
        if (text_of(e.extract<Poco::JSON::Object::Ptr>(), "kind") == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("an available device that fails inspection gets a service order and goes back to stock the normal way",
          "[e2e][dead_end][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto model = model_of_category(warehouse, "cpap");
    auto device = ready_device(warehouse, technician, model);

    auto failed = technician.post(device_path(device) + "/inspections", failing_inspection(model));
    INFO(failed.describe());
    REQUIRE(failed.status == 201);
    CHECK_FALSE(failed.object()->getValue<bool>("passed"));
    auto order = failed.object()->getObject("service_order");
    REQUIRE(order);
    CHECK(text_of(order, "fault").find("inspection") != std::string::npos);
    CHECK(state_of(warehouse, device) == "in_service");
    // A second order is not needed and not possible; the open one is the way forward.
    require_problem(technician.post(device_path(device) + "/service-orders", R"({"fault":"Sprukket deksel"})"), 409,
                    "service_order_open");

    const std::string order_path = "/api/v1/service-orders/" + std::to_string(id_of(order));
    REQUIRE(technician.post(order_path + "/work", R"({"work":"Byttet deksel"})").status == 200);
    require_problem(technician.post(order_path + "/close", ""), 422, "service_needs_cleaning");
    REQUIRE(warehouse.post(device_path(device) + "/cleaning", "").status == 200);
    auto passed = technician.post(device_path(device) + "/inspections", passing_inspection(model));
    INFO(passed.describe());
    REQUIRE(passed.status == 201);
    auto closed = technician.post(order_path + "/close", "");
    INFO(closed.describe());
    REQUIRE(closed.status == 200);
    CHECK(state_of(warehouse, device) == "available");
}

TEST_CASE("a picked device that fails inspection is released so the case can pick a replacement",
          "[e2e][dead_end][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto model = model_of_category(warehouse, "cpap");
    auto first = ready_device(warehouse, technician, model);
    auto second = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", 1301);
    REQUIRE(post_scan(warehouse, "issue", text_of(first, "asset_tag"), text_of(c, "number")).status == 200);

    REQUIRE(technician.post(device_path(first) + "/inspections", failing_inspection(model)).status == 201);
    auto after = warehouse.get(device_path(first)).object();
    CHECK(text_of(after, "state") == "in_service");
    CHECK(after->isNull("reserved_case_id"));
    CHECK(has_event(warehouse, first, "reservation_released"));
    // Nothing is left to release: the device is in service, tied to no case.
    require_problem(warehouse.post(device_path(first) + "/release", ""), 409, "device_not_reserved");

    auto replacement = post_scan(warehouse, "issue", text_of(second, "asset_tag"), text_of(c, "number"));
    INFO(replacement.describe());
    CHECK(replacement.status == 200);
}

TEST_CASE("delivering device B while device A is picked for the same case is refused and A stays picked",
          "[e2e][dead_end][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto model = model_of_category(warehouse, "cpap");
    auto a = ready_device(warehouse, technician, model);
    auto b = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", 1302);
    REQUIRE(caseworker.post(case_path(c) + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    REQUIRE(caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                               utc_date(-3) + R"(","document_ref":"EL-1"})").status == 200);
    REQUIRE(post_scan(warehouse, "issue", text_of(a, "asset_tag"), text_of(c, "number")).status == 200);

    const std::string body_b = R"({"device_id":)" + std::to_string(id_of(b)) +
                               R"(,"handover":"shipped","manual_included":true,"training_recorded":true,)"
                               R"("trained":"patient","fitted_and_tested":true})";
    auto refused = warehouse.post(case_path(c) + "/deliveries", body_b);
    require_problem(refused, 422);
    CHECK(refused.text("code") == "other_device_picked");   // the only reason
    CHECK(refused.text("detail").find(text_of(a, "asset_tag")) != std::string::npos);
    CHECK(state_of(warehouse, a) == "reserved");
    CHECK(state_of(warehouse, b) == "available");

    // Releasing A makes B deliverable, and nothing stays reserved for the delivered case.
    REQUIRE(warehouse.post(device_path(a) + "/release", "").status == 200);
    REQUIRE(warehouse.post(case_path(c) + "/deliveries", body_b).status == 201);
    CHECK(state_of(warehouse, a) == "available");
    CHECK(state_of(warehouse, b) == "on_loan");
}

TEST_CASE("a case on the institution's own equipment ends in its own state, out of the delivery queue",
          "[e2e][dead_end][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto body = application_body("oxygen_concentrator", 1303, "nursing_home_doctor");
    body->set("palliative", true);
    auto created = caseworker.post("/api/v1/cases", body);
    INFO(created.describe());
    REQUIRE(created.status == 201);
    auto c = created.object();
    REQUIRE(caseworker.post(case_path(c) + "/decision",
                            R"({"approve":true,"grounds":"Palliativ behandling, dyspné.","loan_days":60})").status == 200);
    auto own = caseworker.post(case_path(c) + "/own-equipment", R"({"note":"Sykehjemmets egen konsentrator"})");
    INFO(own.describe());
    REQUIRE(own.status == 200);
    CHECK(text_of(own.object(), "status") == "own_equipment");
    require_problem(caseworker.post(case_path(c) + "/own-equipment", R"({"note":"Igjen"})"), 409,
                    "own_equipment_already");

    auto approved = caseworker.get("/api/v1/cases?status=approved&limit=500");
    REQUIRE(approved.status == 200);
    for (const auto& item : *approved.object()->getArray("items"))
        CHECK(id_of(item.extract<Poco::JSON::Object::Ptr>()) != id_of(c));
    auto ended = caseworker.get("/api/v1/cases?status=own_equipment&limit=500");
    REQUIRE(ended.status == 200);
    bool listed = false;
    for (const auto& item : *ended.object()->getArray("items"))
        listed = listed || id_of(item.extract<Poco::JSON::Object::Ptr>()) == id_of(c);
    CHECK(listed);
    auto closed = caseworker.get("/api/v1/cases?status=closed&limit=500");
    for (const auto& item : *closed.object()->getArray("items"))
        CHECK(id_of(item.extract<Poco::JSON::Object::Ptr>()) != id_of(c));
}
