// The endpoints the web pages ask while a form is being filled in or a dashboard drawn: IEC 62353
// limits and a live verdict, requester rights, the delivery checklist, dashboard counts, the open
// service orders and the report's chart figures. Each answers from the same shared/ rule as the
// command it previews, is limited to its roles and unit, and is listed in openapi.json.
#include <catch2/catch.hpp>

#include <Poco/DateTimeFormatter.h>
#include <Poco/LocalDateTime.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

Poco::JSON::Object::Ptr first_with(const Poco::JSON::Array::Ptr& items, const std::string& field, const std::string& value) {
    for (unsigned i = 0; i < items->size(); ++i) {
        auto o = items->getObject(i);
        if (o->getValue<std::string>(field) == value) return o;
    }
    return nullptr;
}

// A received (not yet inspected) Class II device with a BF applied part, from the due list.
Poco::JSON::Object::Ptr class_ii_bf_device(const ApiClient& technician) {
    auto due = technician.get("/api/v1/inspections/due?within_days=30").array();
    for (unsigned i = 0; i < due->size(); ++i) {
        auto d = due->getObject(i);
        auto model = d->getObject("model");
        if (d->getValue<std::string>("state") == "received" && model->getValue<std::string>("protection_class") == "II" &&
            model->getValue<std::string>("applied_part") == "BF")
            return d;
    }
    FAIL("no received Class II BF device in the demo data");
    return nullptr;
}

}  // namespace

TEST_CASE("inspection limits come from the IEC 62353 table for the model's class and applied part", "[e2e][pages]") {
    ServerProcess server;
    auto technician = login(server, "technician");
    const auto id = std::to_string(class_ii_bf_device(technician)->getValue<int>("id"));

    auto direct = technician.get("/api/v1/devices/" + id + "/inspection-limits");
    INFO(direct.describe());
    REQUIRE(direct.status == 200);
    auto limits = direct.object()->getArray("limits");
    REQUIRE(first_with(limits, "measurement", "equipment_leakage")->getValue<double>("limit") == 100);
    REQUIRE(first_with(limits, "measurement", "applied_part_leakage")->getValue<double>("limit") == 5000);
    CHECK(first_with(limits, "measurement", "protective_earth") == nullptr);   // Class II has none

    auto alternative = technician.get("/api/v1/devices/" + id + "/inspection-limits?method=alternative").object();
    CHECK(first_with(alternative->getArray("limits"), "measurement", "equipment_leakage")->getValue<double>("limit") == 500);

    auto warehouse = login(server, "warehouse");
    CHECK(warehouse.get("/api/v1/devices/" + id + "/inspection-limits").status == 403);
}

TEST_CASE("the inspection preview gives the verdict saving would give, and saves nothing", "[e2e][pages]") {
    ServerProcess server;
    auto technician = login(server, "technician");
    const auto id = std::to_string(class_ii_bf_device(technician)->getValue<int>("id"));
    auto preview = technician.post("/api/v1/devices/" + id + "/inspections/preview",
        std::string(R"({"visual_ok":true,"functional_ok":true,"equipment_leakage_ua":620,"applied_part_leakage_ua":40})"));
    INFO(preview.describe());
    REQUIRE(preview.status == 200);
    auto o = preview.object();
    CHECK_FALSE(o->getValue<bool>("passed"));
    auto leak = first_with(o->getArray("checks"), "measurement", "equipment_leakage");
    CHECK_FALSE(leak->getValue<bool>("passed"));
    CHECK(first_with(o->getArray("failures"), "code", "equipment_leakage_too_high"));

    auto passing = technician.post("/api/v1/devices/" + id + "/inspections/preview",
        std::string(R"({"visual_ok":true,"functional_ok":true,"equipment_leakage_ua":60,"applied_part_leakage_ua":40})")).object();
    CHECK(passing->getValue<bool>("passed"));
    CHECK(technician.get("/api/v1/devices/" + id + "/inspections").array()->size() == 0);
}

TEST_CASE("requester rights are answered by the procedure's appendix rule", "[e2e][pages]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto gp_cpap = caseworker.get("/api/v1/requester-rights?role=gp&category=cpap");
    INFO(gp_cpap.describe());
    REQUIRE(gp_cpap.status == 200);
    CHECK_FALSE(gp_cpap.object()->getValue<bool>("allowed"));
    CHECK(gp_cpap.text("code") == "requester_not_allowed");
    CHECK_FALSE(gp_cpap.text("rule").empty());
    CHECK(caseworker.get("/api/v1/requester-rights?role=gp&category=oxygen_concentrator").object()->getValue<bool>("allowed"));
    CHECK(caseworker.get("/api/v1/requester-rights?role=surgeon&category=cpap").status == 400);
    CHECK(login(server, "warehouse").get("/api/v1/requester-rights?role=gp&category=cpap").status == 403);
}

TEST_CASE("the delivery checklist is the delivery gate's answer, item by item", "[e2e][pages]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    // Demo case 1: approved, journal note and site check recorded, a device picked.
    auto open_items = caseworker.get("/api/v1/cases/1/delivery-check");
    INFO(open_items.describe());
    REQUIRE(open_items.status == 200);
    auto items = open_items.object()->getArray("items");
    CHECK_FALSE(open_items.object()->getValue<bool>("may_deliver"));
    CHECK(first_with(items, "item", "decision")->getValue<bool>("ok"));
    auto manual = first_with(items, "item", "manual");
    CHECK_FALSE(manual->getValue<bool>("ok"));
    CHECK(manual->getArray("missing")->getObject(0)->getValue<std::string>("rule") == "Prosedyre pkt. 11");

    auto ticked = caseworker.get("/api/v1/cases/1/delivery-check?manual_included=true&training_recorded=true&trained=pasient&fitted_and_tested=true");
    INFO(ticked.describe());
    CHECK(ticked.object()->getValue<bool>("may_deliver"));
    CHECK(login(server, "warehouse2").get("/api/v1/cases/1/delivery-check").status == 404);
}

TEST_CASE("the dashboard counts match the lists behind them", "[e2e][pages]") {
    ServerProcess server;
    auto manager = login(server, "manager");
    auto dashboard = manager.get("/api/v1/dashboard");
    INFO(dashboard.describe());
    REQUIRE(dashboard.status == 200);
    auto d = dashboard.object();
    CHECK(d->getObject("overdue_loans")->getValue<int>("count") ==
          static_cast<int>(manager.get("/api/v1/loans/overdue").array()->size()));
    CHECK(d->getObject("cases_awaiting_decision")->getValue<int>("count") > 0);
    CHECK(login(server, "warehouse").get("/api/v1/dashboard").status == 403);
}

TEST_CASE("open service orders and the report's chart figures are listed for their roles", "[e2e][pages]") {
    ServerProcess server;
    auto technician = login(server, "technician");
    auto orders = technician.get("/api/v1/service-orders");
    INFO(orders.describe());
    REQUIRE(orders.status == 200);
    auto list = orders.array();
    for (unsigned i = 0; i < list->size(); ++i) CHECK(list->getObject(i)->getObject("device")->getValue<std::string>("state") == "in_service");

    auto manager = login(server, "manager");
    auto charts = manager.get("/api/v1/reports/annual/charts");
    REQUIRE(charts.status == 200);
    CHECK(charts.object()->getArray("months")->size() == 12);
    CHECK(charts.object()->getArray("waiting_to_delivery")->size() == 6);
    CHECK(technician.get("/api/v1/reports/annual/charts").status == 403);

    auto paths = manager.get("/api/v1/openapi.json").object()->getObject("paths");
    for (const char* path : {"/api/v1/devices/{id}/inspection-limits", "/api/v1/devices/{id}/inspections/preview",
                             "/api/v1/requester-rights", "/api/v1/cases/{id}/delivery-check", "/api/v1/dashboard",
                             "/api/v1/service-orders", "/api/v1/reports/annual/charts"})
        CHECK(paths->has(path));
}

TEST_CASE("the weekly flows' pages: every unit to transfer to, an exchange's checklist, an instrument's calibration", "[e2e][pages]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    // Every unit of the country (a patient may move to another region), the caller's own one marked.
    auto units = caseworker.get("/api/v1/units/directory");
    INFO(units.describe());
    REQUIRE(units.status == 200);
    auto list = units.array();
    CHECK(list->size() == 4);
    CHECK(first_with(list, "code", "UNN")->getValue<bool>("own"));
    CHECK_FALSE(first_with(list, "code", "OUS")->getValue<bool>("own"));
    CHECK(first_with(list, "code", "OUS")->getValue<std::string>("region") == "Helse Sør-Øst");
    CHECK(login(server, "warehouse").get("/api/v1/units/directory").status == 403);

    // Demo case 3 is delivered with a device at home; device 1 is an available oxygen concentrator. As a first
    // delivery the gate refuses the case (not approved); as the replacement in an exchange it does not.
    auto first = caseworker.get("/api/v1/cases/3/delivery-check?device_id=1");
    REQUIRE(first.status == 200);
    CHECK_FALSE(first_with(first.object()->getArray("items"), "item", "decision")->getValue<bool>("ok"));
    auto exchange = caseworker.get("/api/v1/cases/3/delivery-check?exchange=true&device_id=1&manual_included=true"
                                   "&training_recorded=true&trained=pasient&fitted_and_tested=true");
    INFO(exchange.describe());
    REQUIRE(exchange.status == 200);
    CHECK(exchange.object()->getValue<bool>("may_deliver"));
    auto approved = caseworker.get("/api/v1/cases/1/delivery-check?exchange=true");
    auto decision = first_with(approved.object()->getArray("items"), "item", "decision");
    CHECK(decision->getArray("missing")->getObject(0)->getValue<std::string>("code") == "case_not_delivered");

    // The register says whether an instrument may be used today, by the inspection's own rule.
    auto technician = login(server, "technician");
    auto old = technician.post("/api/v1/instruments", R"j({"identity":"Old tester (SN 1)","calibrated_on":"2019-05-01"})j");
    INFO(old.describe());
    REQUIRE(old.status == 201);
    CHECK_FALSE(old.object()->getValue<bool>("in_calibration"));
    const std::string today = Poco::DateTimeFormatter::format(Poco::LocalDateTime(), "%Y-%m-%d");
    auto renewed = technician.post("/api/v1/instruments/" + std::to_string(old.object()->getValue<int>("id")) + "/calibrations",
                                   R"({"calibrated_on":")" + today + R"("})");
    INFO(renewed.describe());
    REQUIRE(renewed.status == 200);
    CHECK(renewed.object()->getValue<bool>("in_calibration"));
}
