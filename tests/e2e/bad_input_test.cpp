// Bad input loses nothing: every malformed, mistyped, oversized or misdirected request is a 4xx
// problem+json answer that explains itself, and afterwards the stock and the device's history are as before.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("bad input gets a 4xx problem answer and changes no device and no history", "[e2e][input]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto model = model_of_category(warehouse, "cpap");
    const std::string gtin = text_of(model, "gtin");
    auto device = receive_by_scan(warehouse, model);
    const long long device_id = id_of(device);
    const std::string device_path = "/api/v1/devices/" + std::to_string(device_id);

    const auto devices_before = all_devices(warehouse).size();
    const auto history_before = to_json([&] {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("events", device_events(warehouse, device_id));
        return o;
    }());
    const std::string fresh_serial = new_serial();

    struct Case {
        std::string what;
        ApiResponse answer;
        int status;
        std::string code;
    };
    std::vector<Case> cases;
    auto add = [&](std::string what, ApiResponse answer, int status, std::string code = "") {
        cases.push_back({std::move(what), std::move(answer), status, std::move(code)});
    };

    add("malformed JSON", warehouse.post("/api/v1/devices", R"({"gtin":")" + gtin + R"(","serial":)"), 400,
        "malformed_json");
    add("a JSON array for an object", warehouse.post("/api/v1/devices", R"([{"gtin":")" + gtin + R"("}])"), 400,
        "body_not_object");
    add("a number for the serial", warehouse.post("/api/v1/devices", R"({"gtin":")" + gtin + R"(","serial":5})"), 400,
        "invalid_field");
    add("no serial", warehouse.post("/api/v1/devices", R"({"gtin":")" + gtin + R"("})"), 400, "missing_field");
    add("no model", warehouse.post("/api/v1/devices", R"({"serial":")" + fresh_serial + R"("})"), 400,
        "missing_field");
    add("an empty body", warehouse.post("/api/v1/devices", ""), 400);
    add("inspection without measurements", technician.post(device_path + "/inspections", "{}"), 400,
        "missing_field");
    add("inspection with a text for a number",
        technician.post(device_path + "/inspections",
                        R"({"visual_ok":true,"functional_ok":true,"equipment_leakage_ua":"low","tester":"T",)"
                        R"("instrument":"I","instrument_calibrated_on":"2025-01-01"})"),
        400, "invalid_field");
    add("an unknown device", warehouse.get("/api/v1/devices/999999"), 404);
    add("cleaning an unknown device", warehouse.post("/api/v1/devices/999999/cleaning", ""), 404);
    add("history of an unknown device", warehouse.get("/api/v1/devices/999999/history"), 404);
    add("a device id that is no number", warehouse.get("/api/v1/devices/abc"), 404);
    add("a 2 MiB body with Content-Length", warehouse.post_oversized("/api/v1/devices", 2u << 20, false), 413,
        "body_too_large");
    add("a 2 MiB chunked body", warehouse.post_oversized("/api/v1/scans/batch", 2u << 20, true), 413,
        "body_too_large");
    add("an unknown endpoint", warehouse.get("/api/v1/no-such-thing"), 404, "no_such_endpoint");
    add("a wrong method", warehouse.send("DELETE", device_path), 405, "method_not_allowed");
    add("a wrong method on a collection", warehouse.send("PUT", "/api/v1/devices", "{}", true), 405,
        "method_not_allowed");
    add("a scan id that is no UUID",
        post_scan(warehouse, "receive", gs1_device_label(gtin, fresh_serial), "", "not-a-uuid"), 400,
        "invalid_field");
    add("an unknown scan mode", warehouse.post("/api/v1/scans", scan_object(new_scan_id(), "borrow", "BHM")), 400,
        "invalid_field");
    add("a scan without a code", warehouse.post("/api/v1/scans", R"({"id":")" + new_scan_id() + R"(","mode":"receive"})"),
        400, "missing_field");
    add("a GS1 code with a bad check digit",
        post_scan(warehouse, "receive", gs1_device_label(gtin_with_bad_check_digit(gtin), fresh_serial)), 422,
        "unreadable_code");
    add("a bad query value", warehouse.get("/api/v1/devices?limit=abc"), 400, "invalid_query");

    for (const auto& c : cases) {
        INFO("request: " << c.what);
        require_problem(c.answer, c.status, c.code);
    }

    CHECK(all_devices(warehouse).size() == devices_before);
    auto history_after = to_json([&] {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("events", device_events(warehouse, device_id));
        return o;
    }());
    CHECK(history_after == history_before);
    // The device under the refused inspection is untouched, and the serial of the refused receipts is still free.
    CHECK(text_of(warehouse.get(device_path).object(), "state") == "received");
    auto later = receive_by_scan(warehouse, model, fresh_serial);
    CHECK(all_devices(warehouse).size() == devices_before + 1);
    CHECK(text_of(later, "serial") == fresh_serial);
}
