// Bad input of every kind gets a 4xx with problem+json, changes nothing, and the server goes on
// answering: deep nesting, broken UTF-8, NUL bytes, huge and negative numbers, SQL meta-characters
// in text and query parameters, and path tricks in ids.
#include <catch2/catch.hpp>

#include "normal_service.h"
#include "workflow_steps.h"

using namespace bhm;

namespace {
// The unit's devices and events as one fingerprint: any change shows.
std::string unit_state(const e2e::ApiClient& warehouse) {
    std::string all;
    for (const auto& device : e2e::all_devices(warehouse))
        all += e2e::text_of(device, "asset_tag") + e2e::text_of(device, "state") + e2e::text_of(device, "location") + ";";
    return all;
}
}  // namespace

TEST_CASE("bad bodies, numbers, text and paths are 4xx, change nothing and leave the server answering", "[reliability][input]") {
    e2e::ServerProcess server;
    reliability::NormalService normal(server);
    auto warehouse = e2e::login(server, "warehouse");
    auto caseworker = e2e::login(server, "caseworker");
    const auto device = e2e::id_of(
        warehouse.get("/api/v1/devices?state=available&limit=1").object()->getArray("items")->getObject(0));
    const std::string lost = "/api/v1/devices/" + std::to_string(device) + "/lost";
    const std::string before = unit_state(warehouse);
    int tried = 0;
    auto refused = [&](const e2e::ApiResponse& answer) {
        ++tried;
        INFO(answer.describe());
        CHECK(answer.status >= 400);
        CHECK(answer.status < 500);
        CHECK(answer.content_type == "application/problem+json");
    };
    refused(warehouse.post(lost, "{\"note\":" + std::string(100000, '[') + std::string(100000, ']') + "}"));
    for (const std::string& text : {std::string("\xc0\xaf"), std::string("\xff\xfe"), std::string("a\xed\xa0\x80z"),
                                   std::string("\x80"), std::string("\xe2\x82")})
        refused(warehouse.post(lost, "{\"note\":\"" + text + "\"}"));
    refused(warehouse.post(lost, R"({"note":"a\u0000b"})"));
    refused(warehouse.post(lost, std::string("{\"note\":\"a\0b\"}", 13)));
    refused(warehouse.send("PUT", "/api/v1/devices/" + std::to_string(device) + "/location",
                           R"({"location":1e308})", true));
    for (const std::string limit : {"-1", "0", "99999999999999999999", "1e3", "abc", "1;DROP TABLE devices"})
        refused(warehouse.get("/api/v1/devices?limit=" + limit));
    refused(caseworker.post("/api/v1/cases/1/decision", R"({"approve":true,"grounds":"x","loan_days":-5})"));
    refused(caseworker.post("/api/v1/cases/1/decision", R"({"approve":true,"grounds":"x","loan_days":1e20})"));
    refused(caseworker.post("/api/v1/cases/1/decision", R"({"approve":"yes","grounds":"x","loan_days":30})"));
    for (const std::string sql : {"'; DROP TABLE devices; --", "\" OR 1=1 --", "x') UNION SELECT * FROM users --"}) {
        refused(warehouse.get("/api/v1/devices?state=" + sql));   // not a state
        Poco::JSON::Object::Ptr receipt = new Poco::JSON::Object;
        receipt->set("gtin", sql);
        receipt->set("serial", sql);
        refused(warehouse.post("/api/v1/devices", receipt));
    }
    for (const std::string id : {"..%2F1", "1%00", "-1", "0", "1.5", "99999999999999999999", "%2e%2e", "1;2"})
        refused(warehouse.get("/api/v1/devices/" + id));
    CHECK(unit_state(warehouse) == before);
    WARN(tried << " bad inputs tried; none changed anything");
    normal.require_prompt_answers();
    normal.require_healthy_and_nothing_lost();
}
