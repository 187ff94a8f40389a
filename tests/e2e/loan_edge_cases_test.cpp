// Edges of a loan's life over the real API: a device lost at the patient's, a case that
// already has a device picked, a stale offline return, roles at the scan endpoint, and who
// sees the patient's identity.
#include <catch2/catch.hpp>

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Timespan.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

struct DeliveredLoan {
    Poco::JSON::Object::Ptr device, c;
};

// A ready CPAP, picked and delivered to an approved case with every handover item recorded.
DeliveredLoan deliver_one(const ApiClient& warehouse, const ApiClient& technician, const ApiClient& caseworker,
                          int patient) {
    auto model = model_of_category(warehouse, "cpap");
    auto device = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", patient);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(c));
    REQUIRE(caseworker.post(case_path + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    REQUIRE(caseworker.post(case_path + "/site-checks",
                            R"({"documented_by":"Elektro AS","checked_on":")" + utc_date(-3) +
                                R"(","document_ref":"EL-1"})").status == 200);
    auto delivered = warehouse.post(case_path + "/deliveries",
        R"({"device_id":)" + std::to_string(id_of(device)) +
            R"(,"handover":"shipped","manual_included":true,"training_recorded":true,"trained":"patient","fitted_and_tested":true})");
    INFO(delivered.describe());
    REQUIRE(delivered.status == 201);
    return {device, c};
}

}  // namespace

TEST_CASE("a device lost at the patient's ends the loan and closes the case", "[e2e][loan]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto loan = deliver_one(warehouse, login(server, "technician"), login(server, "caseworker"), 300);
    const std::string device_path = "/api/v1/devices/" + std::to_string(id_of(loan.device));
    auto lost = warehouse.post(device_path + "/lost", R"({"note":"not returned after move"})");
    INFO(lost.describe());
    REQUIRE(lost.status == 200);
    CHECK(text_of(lost.object(), "state") == "lost");
    auto c = warehouse.get("/api/v1/cases/" + std::to_string(id_of(loan.c))).object();
    CHECK(text_of(c, "status") == "closed");
    CHECK_FALSE(warehouse.get(device_path).object()->has("loan"));
    auto overdue = warehouse.get("/api/v1/loans/overdue?as_of=" + utc_date(400)).array();
    for (std::size_t i = 0; i < overdue->size(); ++i)
        CHECK(overdue->getObject(static_cast<unsigned>(i))->getValue<long long>("device_id") != id_of(loan.device));
}

TEST_CASE("a case gets one device: a second pick is refused until the first is released", "[e2e][loan]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto model = model_of_category(warehouse, "cpap");
    auto first = ready_device(warehouse, technician, model);
    auto second = ready_device(warehouse, technician, model);
    auto c = approved_case(caseworker, "cpap", 310);
    REQUIRE(post_scan(warehouse, "issue", text_of(first, "asset_tag"), text_of(c, "number")).status == 200);
    require_problem(post_scan(warehouse, "issue", text_of(second, "asset_tag"), text_of(c, "number")), 409,
                    "case_has_device");
    REQUIRE(warehouse.post("/api/v1/devices/" + std::to_string(id_of(first)) + "/release", "").status == 200);
    CHECK(post_scan(warehouse, "issue", text_of(second, "asset_tag"), text_of(c, "number")).status == 200);
}

TEST_CASE("a return scanned before the current loan began is refused as stale and the loan stays open",
          "[e2e][loan]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto loan = deliver_one(warehouse, login(server, "technician"), login(server, "caseworker"), 320);
    Poco::DateTime yesterday;
    yesterday -= Poco::Timespan(1, 0, 0, 0, 0);
    auto scan = scan_object(new_scan_id(), "return", text_of(loan.device, "asset_tag"));
    scan->set("scanned_at", Poco::DateTimeFormatter::format(yesterday, "%Y-%m-%dT%H:%M:%SZ"));
    auto answer = warehouse.post("/api/v1/scans", scan);
    require_problem(answer, 409, "stale_scan");
    auto device = warehouse.get("/api/v1/devices/" + std::to_string(id_of(loan.device))).object();
    CHECK(text_of(device, "state") == "on_loan");
}

TEST_CASE("a user may scan only in the modes their role allows", "[e2e][scope]") {
    ServerProcess server;
    auto technician = login(server, "technician");
    auto model = model_of_category(technician, "cpap");
    auto answer = post_scan(technician, "receive", gs1_device_label(text_of(model, "gtin"), new_serial()));
    require_problem(answer, 403, "forbidden");
    CHECK(post_scan(login(server, "caseworker"), "count", "BHM00000018").status == 403);
}

TEST_CASE("the patient's identity is shown to caseworkers but not to warehouse staff or technicians",
          "[e2e][scope]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 330);
    const std::string path = "/api/v1/cases/" + std::to_string(id_of(c));
    CHECK(caseworker.get(path).object()->getObject("patient")->has("national_id"));
    for (const char* role : {"warehouse", "technician"}) {
        INFO(role);
        auto seen = login(server, role).get(path);
        REQUIRE(seen.status == 200);
        auto patient = seen.object()->getObject("patient");
        CHECK_FALSE(patient->has("national_id"));
        CHECK_FALSE(patient->has("name"));
        CHECK(patient->has("municipality"));
    }
}

TEST_CASE("text with control characters and booleans given for numbers are refused and change nothing",
          "[e2e][input]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    const auto before = all_devices(warehouse).size();
    require_problem(warehouse.post("/api/v1/devices", R"({"gtin":")" + text_of(model, "gtin") +
                                                          R"(","serial":"X\u0000Z"})"), 400, "invalid_field");
    require_problem(warehouse.post("/api/v1/devices", R"({"model_id":true,"serial":"OK-1"})"), 400, "invalid_field");
    CHECK(all_devices(warehouse).size() == before);
}

TEST_CASE("a fault description holding a national ID number is refused and opens no service order", "[e2e][input]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto device = ready_device(warehouse, login(server, "technician"), model_of_category(warehouse, "cpap"));
    const std::string path = "/api/v1/devices/" + std::to_string(id_of(device));
    const auto events_before = device_events(warehouse, id_of(device))->size();
    require_problem(warehouse.post(path + "/service-orders",
                                   R"({"fault":"Pasient )" + made_up_national_id(7) + R"( melder alarm"})"),
                    422, "national_id_in_text");
    CHECK(text_of(warehouse.get(path).object(), "state") == "available");
    CHECK(device_events(warehouse, id_of(device))->size() == events_before);
}
