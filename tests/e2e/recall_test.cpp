// Field safety notices over HTTP (issue 8): a notice for a serial range holds the unit's covered devices at
// once, the affected list shows them apart by where they are (and as CSV), a held device is not picked or
// delivered, a later receipt is caught, the actions close the notice, and another unit sees none of it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

// Serials of one prefix that no demo device has: RCL<pid>-0001 ...
std::string serial_no(int n) {
    std::string digits = std::to_string(n);
    return "RCL" + std::to_string(::getpid()) + "-" + std::string(4 - digits.size(), '0') + digits;
}

Poco::JSON::Object::Ptr ready_with_serial(const ApiClient& warehouse, const ApiClient& technician,
                                          const Poco::JSON::Object::Ptr& model, const std::string& serial) {
    auto device = receive_by_scan(warehouse, model, serial);
    const std::string base = "/api/v1/devices/" + std::to_string(id_of(device));
    REQUIRE(warehouse.post(base + "/cleaning", "").status == 200);
    register_e2e_instrument(technician);
    auto inspected = technician.post(base + "/inspections", passing_inspection(model));
    INFO(inspected.describe());
    REQUIRE(inspected.status == 201);
    return inspected.object()->getObject("device");
}

// An approved case with its journal note and site check: ready for a delivery.
std::string ready_case(const ApiClient& caseworker, int patient) {
    auto c = approved_case(caseworker, "cpap", patient);
    const std::string path = "/api/v1/cases/" + std::to_string(id_of(c));
    REQUIRE(caseworker.post(path + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    REQUIRE(caseworker.post(path + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" + utc_date(-3) +
                                                       R"(","document_ref":"EL-1"})").status == 200);
    return path;
}

std::vector<long long> ids_in(const Poco::JSON::Object::Ptr& groups, const std::string& where) {
    std::vector<long long> ids;
    for (const auto& item : *groups->getArray(where)) ids.push_back(id_of(item.extract<Poco::JSON::Object::Ptr>(), "device_id"));
    return ids;
}

bool has_event(const ApiClient& client, long long device_id, const std::string& kind) {
    const auto events = device_events(client, device_id);   // kept: the loop runs over its array
    for (const auto& e : *events)
        if (text_of(e.extract<Poco::JSON::Object::Ptr>(), "kind") == kind) return true;
    return false;
}

}  // namespace

TEST_CASE("a notice for a serial range holds the devices it covers, lists them by where they are, blocks the held "
          "ones and closes when every action is recorded",
          "[e2e][recall]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto model = model_of_category(warehouse, "cpap");
    const std::string gtin = text_of(model, "gtin");

    auto in_stock = ready_with_serial(warehouse, technician, model, serial_no(1));
    auto on_loan = ready_with_serial(warehouse, technician, model, serial_no(2));
    auto returned = ready_with_serial(warehouse, technician, model, serial_no(3));
    auto outside = ready_with_serial(warehouse, technician, model, serial_no(50));
    const std::string loan_case = ready_case(caseworker, 61);
    REQUIRE(warehouse.post(loan_case + "/deliveries", delivery_body(id_of(on_loan)) + "}").status == 201);
    const std::string returned_case = ready_case(caseworker, 62);
    REQUIRE(warehouse.post(returned_case + "/deliveries", delivery_body(id_of(returned)) + "}").status == 201);
    REQUIRE(warehouse.post("/api/v1/devices/" + std::to_string(id_of(returned)) + "/return", "").status == 200);

    // Only a manager registers; bad input is 400 and a rule refusal 422, neither writes anything.
    const std::string body = R"({"reference":"FSN-E2E-1","issued_on":")" + utc_date(-1) +
                             R"(","action":"inspect","user_text":"Check the power inlet for cracks.","gtin":")" + gtin +
                             R"(","coverage":"serial_range","serial_from":")" + serial_no(1) + R"(","serial_to":")" +
                             serial_no(10) + R"("})";
    CHECK(warehouse.post("/api/v1/recalls", body).status == 403);
    require_problem(manager.post("/api/v1/recalls", R"({"reference":"X"})"), 400);
    require_problem(manager.post("/api/v1/recalls", R"({"reference":"FSN-E2E-BAD","issued_on":")" + utc_date(-1) +
                                                          R"(","action":"inspect","user_text":"t","gtin":")" + gtin +
                                                          R"(","coverage":"serial_range","serial_from":"A9","serial_to":"A1"})"),
                    422, "recall_range_invalid");
    require_problem(manager.post("/api/v1/recalls", R"({"reference":"FSN-E2E-EMPTY","issued_on":")" + utc_date(-1) +
                                                          R"(","action":"inspect","user_text":"t","gtin":")" + gtin +
                                                          R"(","coverage":"serial_list","serials":["A1"," "]})"),
                    400);
    require_problem(manager.post("/api/v1/recalls", R"({"reference":"FSN-E2E-NOMODEL","issued_on":")" + utc_date(-1) +
                                                          R"(","action":"inspect","user_text":"t","gtin":")" +
                                                          gtin_not_in_catalogue(manager) + R"(","coverage":"all_serials"})"),
                    422, "recall_unknown_model");
    CHECK(manager.get("/api/v1/recalls").object()->getArray("items")->size() == 1);   // only the demo's notice
    auto registered = manager.post("/api/v1/recalls", body);
    INFO(registered.describe());
    REQUIRE(registered.status == 201);
    const long long notice = id_of(registered.object());
    const std::string notice_path = "/api/v1/recalls/" + std::to_string(notice);
    CHECK(registered.object()->getValue<int>("devices_held") == 3);
    require_problem(manager.post("/api/v1/recalls", body), 409, "recall_already_registered");

    // The affected list: in stock with its shelf, on loan with the municipality, returned; apart.
    auto affected = warehouse.get(notice_path + "/affected");
    INFO(affected.describe());
    REQUIRE(affected.status == 200);
    auto groups = affected.object()->getObject("devices");
    CHECK(ids_in(groups, "in_stock") == std::vector<long long>{id_of(in_stock)});
    CHECK(ids_in(groups, "on_loan") == std::vector<long long>{id_of(on_loan)});
    CHECK(ids_in(groups, "returned") == std::vector<long long>{id_of(returned)});
    CHECK(ids_in(groups, "reserved").empty());
    auto at_home = groups->getArray("on_loan")->getObject(0);
    CHECK_FALSE(text_of(at_home, "municipality").empty());
    CHECK_FALSE(at_home->has("address"));                    // the warehouse does not see addresses
    CHECK(affected.object()->getObject("notice")->getObject("progress")->getValue<int>("total") == 3);
    auto for_caseworker = caseworker.get(notice_path + "/affected").object();
    CHECK_FALSE(text_of(for_caseworker->getObject("devices")->getArray("on_loan")->getObject(0), "address").empty());

    // CSV, by query and by Accept.
    auto csv = warehouse.get(notice_path + "/affected?format=csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.content_type.rfind("text/csv", 0) == 0);
    CHECK(csv.body.rfind("notice,kind,where,asset_tag,serial", 0) == 0);
    for (int n : {1, 2, 3}) CHECK(csv.body.find(serial_no(n)) != std::string::npos);
    CHECK(csv.body.find(serial_no(50)) == std::string::npos);
    auto accepted = warehouse.send("GET", notice_path + "/affected", "", false, {{"Accept", "text/csv"}});
    CHECK(accepted.content_type.rfind("text/csv", 0) == 0);
    require_problem(warehouse.get(notice_path + "/affected?format=xml"), 400);

    // The device on loan shows the notice on its loan and in the dashboard's counts.
    auto loan = caseworker.get("/api/v1/devices/" + std::to_string(id_of(on_loan))).object()->getObject("loan");
    auto loan_view = caseworker.get("/api/v1/loans/" + std::to_string(id_of(loan))).object();
    REQUIRE(loan_view->getArray("recall_holds")->size() == 1);
    CHECK(text_of(loan_view->getArray("recall_holds")->getObject(0), "reference") == "FSN-E2E-1");
    CHECK(manager.get("/api/v1/dashboard").object()->getObject("loans_under_recall")->getValue<int>("count") >= 1);

    // The held device in stock can be neither picked nor delivered; the refusal names the notice.
    const std::string new_case = ready_case(caseworker, 63);
    auto pick = warehouse.post(new_case + "/reservation", R"({"device_id":)" + std::to_string(id_of(in_stock)) + "}");
    require_problem(pick, 422);
    CHECK(reason_codes(pick).count("recall_action_pending") == 1);
    auto delivery = warehouse.post(new_case + "/deliveries", delivery_body(id_of(in_stock)) + "}");
    require_problem(delivery, 422);
    CHECK(reason_codes(delivery).count("recall_action_pending") == 1);
    CHECK(delivery.body.find("FSN-E2E-1") != std::string::npos);
    CHECK(text_of(warehouse.get("/api/v1/devices/" + std::to_string(id_of(in_stock))).object(), "state") == "available");

    // A device received later inside the range is caught at receipt, with the notice named.
    auto late = post_scan(warehouse, "receive", gs1_device_label(gtin, serial_no(4)));
    REQUIRE(late.status == 200);
    CHECK(late.text("message").find("FSN-E2E-1") != std::string::npos);
    auto late_device = late.object()->getObject("device");
    REQUIRE(late_device->getArray("recall_holds")->size() == 1);
    CHECK(has_event(warehouse, id_of(late_device), "recall_hold"));
    CHECK(warehouse.get(notice_path).object()->getObject("progress")->getValue<int>("total") == 4);

    // Another unit sees none of it.
    auto other = login(server, "warehouse2");
    CHECK(other.get("/api/v1/recalls").object()->getArray("items")->size() == 0);
    require_problem(other.get(notice_path), 404);
    require_problem(other.get(notice_path + "/affected"), 404);
    require_problem(other.post(notice_path + "/devices/" + std::to_string(id_of(in_stock)) + "/done", "{}"), 404);

    // The actions, one device at a time: progress n of m, once each, and the notice closes with the last.
    require_problem(technician.post(notice_path + "/devices/" + std::to_string(id_of(outside)) + "/done", "{}"), 404);
    int done = 0;
    for (const auto& device : {in_stock, on_loan, returned, late_device}) {
        auto answer = technician.post(notice_path + "/devices/" + std::to_string(id_of(device)) + "/done",
                                      R"({"note":"inlet checked"})");
        INFO(answer.describe());
        REQUIRE(answer.status == 200);
        CHECK(answer.object()->getObject("progress")->getValue<int>("done") == ++done);
        CHECK(text_of(answer.object(), "status") == (done == 4 ? "closed" : "open"));
        CHECK(has_event(technician, id_of(device), "recall_action_done"));
    }
    require_problem(technician.post(notice_path + "/devices/" + std::to_string(id_of(in_stock)) + "/done", "{}"), 409,
                    "recall_already_done");
    std::string listed_status;
    const auto listed = manager.get("/api/v1/recalls").object()->getArray("items");   // kept for the loop
    for (const auto& item : *listed)
        if (id_of(item.extract<Poco::JSON::Object::Ptr>()) == notice) listed_status = text_of(item.extract<Poco::JSON::Object::Ptr>(), "status");
    CHECK(listed_status == "closed");

    // The action done, the device may go out again.
    auto picked = warehouse.post(new_case + "/reservation", R"({"device_id":)" + std::to_string(id_of(in_stock)) + "}");
    INFO(picked.describe());
    CHECK(picked.status == 200);
}
