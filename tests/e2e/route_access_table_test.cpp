// Every route's access, as a table (issue 14): each route of GET /api/v1/openapi.json is called by each
// kind of caller, and each cell has its expected status. A route in the document without a row fails the
// test, so a new endpoint cannot slip in untested; a row without a route fails it too.
//
// Callers (the columns): no token; an expired token (signed with the server's real key, past its `exp`);
// forged tokens: `alg: none`, a real token with its payload changed to the admin's, one signed with the
// wrong key; the demo scan station; each role of unit UNN; warehouse2 of unit OUS; a manager asking with
// ?scope=region. Cells: 401 or 403 exactly for a refusal; 404 exactly where another unit's record must not
// be found; 200 where a read of a list or of the unit's own record must succeed; `ok` for "let through":
// the handler ran and answered one of 200, 201, 400, 404, 409, 422 (writes are sent the body {}, with a
// nonexistent id where there is one, so a 400 or 404 from the handler shows access was granted without
// changing anything; POST /auth/logout-everywhere does end the caller's tokens, who then signs in again).
#include <catch2/catch.hpp>

#include <iostream>
#include <map>
#include <set>
#include <sstream>

#include <Poco/Base64Encoder.h>
#include <Poco/JWT/Signer.h>
#include <Poco/JWT/Token.h>
#include <Poco/Timestamp.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

const std::string signing_secret = "route-access-table-test-secret-0123456789abcdef";

const std::vector<std::string> callers{"none",    "expired",    "alg_none",   "payload",   "wrong_key",
                                       "station", "warehouse",  "technician", "caseworker", "manager",
                                       "admin",   "other_unit", "region"};

struct Row {
    std::string route;    // "METHOD /api/v1/pattern", as in openapi.json
    std::string target;   // the path called: {device} {case} {loan} {service_order} are demo ids of unit UNN,
                          // {none} an id that does not exist
    std::string cells;    // one expectation per caller, in the order of `callers`
};

// clang-format off
// columns: none expired alg_none payload wrong_key | station | warehouse technician caseworker manager admin | other_unit region
const std::vector<Row> table{
    {"POST /api/v1/auth/login", "/api/v1/auth/login",
     "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/auth/logout", "/api/v1/auth/logout",
     "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/auth/logout-everywhere", "/api/v1/auth/logout-everywhere",
     "401 401 401 401 401 403 ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/auth/session", "/api/v1/auth/session",
     "ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok  ok"},
    {"GET /api/v1/cases", "/api/v1/cases",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/cases", "/api/v1/cases",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/cases/{id}", "/api/v1/cases/{case}",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/cases/{id}/complaints", "/api/v1/cases/{none}/complaints",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/cases/{id}/decision", "/api/v1/cases/{none}/decision",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/cases/{id}/deliveries", "/api/v1/cases/{none}/deliveries",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/cases/{id}/exchanges", "/api/v1/cases/{none}/exchanges",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"GET /api/v1/cases/{id}/history", "/api/v1/cases/{case}/history",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/cases/{id}/journal-note", "/api/v1/cases/{none}/journal-note",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/cases/{id}/own-equipment", "/api/v1/cases/{none}/own-equipment",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/cases/{id}/reservation", "/api/v1/cases/{none}/reservation",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/cases/{id}/site-checks", "/api/v1/cases/{none}/site-checks",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/cases/{id}/transfer", "/api/v1/cases/{none}/transfer",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/categories", "/api/v1/categories",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/complaints/{id}", "/api/v1/complaints/{none}",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/complaints/{id}/forwarding", "/api/v1/complaints/{none}/forwarding",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/complaints/{id}/outcome", "/api/v1/complaints/{none}/outcome",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/complaints/{id}/reassessment", "/api/v1/complaints/{none}/reassessment",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/devices", "/api/v1/devices",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/devices", "/api/v1/devices",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"GET /api/v1/devices/{id}", "/api/v1/devices/{device}",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/devices/{id}/cleaning", "/api/v1/devices/{none}/cleaning",
     "401 401 401 401 401 403 ok  ok  403 ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/found", "/api/v1/devices/{none}/found",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"GET /api/v1/devices/{id}/history", "/api/v1/devices/{device}/history",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/devices/{id}/home-visits", "/api/v1/devices/{none}/home-visits",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/devices/{id}/inspections", "/api/v1/devices/{device}/inspections",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/devices/{id}/inspections", "/api/v1/devices/{none}/inspections",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/devices/{id}/label.png", "/api/v1/devices/{device}/label.png",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"GET /api/v1/devices/{id}/label.svg", "/api/v1/devices/{device}/label.svg",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"GET /api/v1/devices/{id}/label.zpl", "/api/v1/devices/{device}/label.zpl",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"PUT /api/v1/devices/{id}/location", "/api/v1/devices/{none}/location",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/lost", "/api/v1/devices/{none}/lost",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/release", "/api/v1/devices/{none}/release",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/retire", "/api/v1/devices/{none}/retire",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"POST /api/v1/devices/{id}/return", "/api/v1/devices/{none}/return",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/service-orders", "/api/v1/devices/{none}/service-orders",
     "401 401 401 401 401 403 ok  ok  403 ok  ok  ok  ok"},
    {"POST /api/v1/devices/{id}/write-off", "/api/v1/devices/{none}/write-off",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"GET /api/v1/health", "/api/v1/health",
     "200 200 200 200 200 200 200 200 200 200 200 200 200"},
    {"GET /api/v1/inspections/due", "/api/v1/inspections/due",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/instruments", "/api/v1/instruments",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/instruments", "/api/v1/instruments",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"POST /api/v1/instruments/{id}/calibrations", "/api/v1/instruments/{none}/calibrations",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/loans/due", "/api/v1/loans/due",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/loans/overdue", "/api/v1/loans/overdue",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/loans/{id}", "/api/v1/loans/{loan}",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/loans/{id}/extension", "/api/v1/loans/{none}/extension",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"POST /api/v1/loans/{id}/return-request", "/api/v1/loans/{none}/return-request",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/me", "/api/v1/me",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/models", "/api/v1/models",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/models", "/api/v1/models",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"GET /api/v1/openapi.json", "/api/v1/openapi.json",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/patients/{id}/death", "/api/v1/patients/{none}/death",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/pickups", "/api/v1/pickups",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/recalls", "/api/v1/recalls",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/recalls", "/api/v1/recalls",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"GET /api/v1/recalls/{id}", "/api/v1/recalls/{recall}",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"GET /api/v1/recalls/{id}/affected", "/api/v1/recalls/{recall}/affected",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/recalls/{id}/devices/{device_id}/done", "/api/v1/recalls/{none}/devices/{none}/done",
     "401 401 401 401 401 403 ok  ok  403 ok  ok  ok  ok"},
    {"POST /api/v1/recalls/{id}/lots/done", "/api/v1/recalls/{none}/lots/done",
     "401 401 401 401 401 403 ok  ok  403 ok  ok  ok  ok"},
    {"GET /api/v1/reports/annual", "/api/v1/reports/annual",
     "401 401 401 401 401 403 403 403 403 200 200 403 200"},
    {"POST /api/v1/scans", "/api/v1/scans",
     "401 401 401 401 401 ok  ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/scans/batch", "/api/v1/scans/batch",
     "401 401 401 401 401 ok  ok  ok  ok  ok  ok  ok  ok"},
    {"GET /api/v1/service-orders/{id}", "/api/v1/service-orders/{service_order}",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"POST /api/v1/service-orders/{id}/close", "/api/v1/service-orders/{none}/close",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"POST /api/v1/service-orders/{id}/work", "/api/v1/service-orders/{none}/work",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/stations", "/api/v1/stations",
     "401 401 401 401 401 403 403 403 403 403 200 403 403"},
    {"POST /api/v1/stations", "/api/v1/stations",
     "401 401 401 401 401 403 403 403 403 403 ok  403 403"},
    {"POST /api/v1/stations/{id}/revoke", "/api/v1/stations/{none}/revoke",
     "401 401 401 401 401 403 403 403 403 403 ok  403 403"},
    {"GET /api/v1/transfers", "/api/v1/transfers",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/transfers/{id}/receive", "/api/v1/transfers/{none}/receive",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/transfers/{id}/cancel", "/api/v1/transfers/{none}/cancel",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/units", "/api/v1/units",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/units/directory", "/api/v1/units/directory",
     "401 401 401 401 401 403 403 403 200 200 200 403 200"},
    {"GET /api/v1/cases/{id}/delivery-check", "/api/v1/cases/{none}/delivery-check",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"GET /api/v1/dashboard", "/api/v1/dashboard",
     "401 401 401 401 401 403 403 403 403 200 200 403 200"},
    {"GET /api/v1/devices/{id}/inspection-limits", "/api/v1/devices/{device}/inspection-limits",
     "401 401 401 401 401 403 403 200 403 200 200 403 200"},
    {"POST /api/v1/devices/{id}/inspections/preview", "/api/v1/devices/{none}/inspections/preview",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/reports/annual/charts", "/api/v1/reports/annual/charts",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"GET /api/v1/requester-rights", "/api/v1/requester-rights",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/service-orders", "/api/v1/service-orders",
     "401 401 401 401 401 403 403 ok  403 ok  ok  403 ok"},
    {"GET /api/v1/patient-access-log", "/api/v1/patient-access-log",
     "401 401 401 401 401 403 403 403 403 200 200 403 200"},
    {"GET /api/v1/users", "/api/v1/users",
     "401 401 401 401 401 403 403 403 403 403 200 403 403"},
    {"POST /api/v1/users", "/api/v1/users",
     "401 401 401 401 401 403 403 403 403 403 ok  403 403"},
    {"PATCH /api/v1/users/{id}", "/api/v1/users/{none}",
     "401 401 401 401 401 403 403 403 403 403 ok  403 403"},
    {"GET /api/v1/warehouses", "/api/v1/warehouses",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/consumables", "/api/v1/consumables",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/consumables", "/api/v1/consumables",
     "401 401 401 401 401 403 403 403 403 ok  ok  403 ok"},
    {"GET /api/v1/consumables/stock", "/api/v1/consumables/stock",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"GET /api/v1/consumables/lots/{id}", "/api/v1/consumables/lots/{none}",
     "401 401 401 401 401 403 ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/consumables/receipts", "/api/v1/consumables/receipts",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"POST /api/v1/consumables/lots/{id}/status", "/api/v1/consumables/lots/{none}/status",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"PUT /api/v1/warehouses/{id}/stock-levels", "/api/v1/warehouses/{none}/stock-levels",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"GET /api/v1/consumables/reorder", "/api/v1/consumables/reorder",
     "401 401 401 401 401 403 200 403 403 200 200 200 200"},
    {"GET /api/v1/consumables/collection-gaps", "/api/v1/consumables/collection-gaps",
     "401 401 401 401 401 403 403 403 200 200 200 403 200"},
    {"POST /api/v1/cases/{id}/consumable-orders", "/api/v1/cases/{none}/consumable-orders",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"GET /api/v1/cases/{id}/consumable-orders", "/api/v1/cases/{case}/consumable-orders",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"GET /api/v1/consumable-orders/{id}", "/api/v1/consumable-orders/{none}",
     "401 401 401 401 401 403 ok  ok  ok  ok  ok  ok  ok"},
    {"POST /api/v1/consumable-orders/{id}/picks", "/api/v1/consumable-orders/{none}/picks",
     "401 401 401 401 401 403 ok  403 403 ok  ok  ok  ok"},
    {"POST /api/v1/consumable-orders/{id}/delivery", "/api/v1/consumable-orders/{none}/delivery",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
    {"POST /api/v1/cases/{id}/standing-orders", "/api/v1/cases/{none}/standing-orders",
     "401 401 401 401 401 403 403 403 ok  ok  ok  403 ok"},
    {"GET /api/v1/cases/{id}/standing-orders", "/api/v1/cases/{case}/standing-orders",
     "401 401 401 401 401 403 200 200 200 200 200 404 200"},
    {"GET /api/v1/standing-orders/due", "/api/v1/standing-orders/due",
     "401 401 401 401 401 403 200 200 200 200 200 200 200"},
    {"POST /api/v1/standing-orders/{id}/orders", "/api/v1/standing-orders/{none}/orders",
     "401 401 401 401 401 403 ok  403 ok  ok  ok  ok  ok"},
};
// clang-format on

const std::set<int> let_through{200, 201, 400, 404, 409, 422};

std::string base64url(const std::string& bytes) {
    std::ostringstream out;
    Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
    encoder << bytes;
    encoder.close();
    return out.str();
}

std::vector<std::string> split(const std::string& text, char by) {
    std::vector<std::string> parts;
    std::string part;
    std::istringstream in(text);
    while (std::getline(in, part, by)) parts.push_back(part);
    if (!text.empty() && text.back() == by) parts.push_back("");
    return parts;
}

std::vector<std::string> words(const std::string& text) {
    std::istringstream in(text);
    std::vector<std::string> all;
    std::string w;
    while (in >> w) all.push_back(w);
    return all;
}

std::string payload_json(long long user_id, long long expires) {
    return "{\"sub\":\"" + std::to_string(user_id) + "\",\"iat\":" + std::to_string(expires - 3600) +
           ",\"exp\":" + std::to_string(expires) + ",\"ver\":0}";
}

std::string signed_token(const std::string& secret, long long user_id, long long expires) {
    Poco::JWT::Token token;
    token.setType("JWT");
    token.setSubject(std::to_string(user_id));
    token.setIssuedAt(Poco::Timestamp::fromEpochTime(expires - 3600));
    token.setExpiration(Poco::Timestamp::fromEpochTime(expires));
    token.payload().set("ver", 0);
    Poco::JWT::Signer signer(secret);
    return signer.sign(token, Poco::JWT::Signer::ALGO_HS256);
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

}  // namespace

TEST_CASE("every route in openapi.json has a row, and each kind of caller gets the status its cell expects",
          "[e2e][access]") {
    ServerProcess::Options options;
    options.environment["BHM_TOKEN_SECRET"] = signing_secret;
    ServerProcess server(options);
    std::map<std::string, ApiClient> client;
    for (const char* user : {"warehouse", "technician", "caseworker", "manager", "admin"}) client.emplace(user, login(server, user));
    client.emplace("other_unit", login(server, "warehouse2"));
    client.emplace("region", login(server, "manager"));
    client.emplace("station", station(server));
    client.emplace("none", ApiClient(server.port()));
    const auto& admin = client.at("admin");

    // The admin's user id, for tokens that claim to be the admin.
    long long admin_id = 0;
    const auto users = admin.get("/api/v1/users");   // kept: the loop below runs over its array
    for (const auto& item : *users.array()) {
        auto user = item.extract<Poco::JSON::Object::Ptr>();
        if (text_of(user, "username") == "admin") admin_id = id_of(user);
    }
    REQUIRE(admin_id > 0);
    const long long now = Poco::Timestamp().epochTime();
    // A control: the same signing code with the real key and a future expiry is a valid admin token, so
    // the expired one below is refused for its expiry alone.
    REQUIRE(admin.with_token(signed_token(signing_secret, admin_id, now + 3600)).get("/api/v1/me").status == 200);
    client.emplace("expired", ApiClient(server.port(), signed_token(signing_secret, admin_id, now - 60)));
    client.emplace("alg_none", ApiClient(server.port(), base64url(R"({"alg":"none","typ":"JWT"})") + "." +
                                                            base64url(payload_json(admin_id, now + 3600)) + "."));
    const auto parts = split(client.at("warehouse").token(), '.');
    REQUIRE(parts.size() == 3);
    client.emplace("payload", ApiClient(server.port(), parts[0] + "." + base64url(payload_json(admin_id, now + 3600)) +
                                                           "." + parts[2]));
    client.emplace("wrong_key", ApiClient(server.port(), signed_token("another-key-of-more-than-32-characters!", admin_id,
                                                                       now + 3600)));

    // Demo ids of unit UNN, each readable by its own unit (so another unit's 404 is the scoping, not a gap).
    std::map<std::string, std::string> ids;
    auto first_id = [&](const std::string& list) {
        auto answer = admin.get(list);
        INFO(list << ": " << answer.describe().substr(0, 300));
        REQUIRE(answer.status == 200);
        auto items = answer.is_object() ? answer.object()->getArray("items") : answer.array();
        REQUIRE(items);
        REQUIRE(items->size() > 0);
        return std::to_string(id_of(items->getObject(0)));
    };
    ids["{device}"] = first_id("/api/v1/devices?state=available&limit=1");
    ids["{case}"] = first_id("/api/v1/cases?limit=1");
    ids["{loan}"] = first_id("/api/v1/loans/overdue");
    ids["{recall}"] = first_id("/api/v1/recalls?limit=1");   // the demo's open field safety notice
    ids["{service_order}"] = "1";
    ids["{none}"] = "999999";
    for (const auto& own : {"/api/v1/devices/{device}", "/api/v1/cases/{case}", "/api/v1/loans/{loan}",
                            "/api/v1/service-orders/{service_order}", "/api/v1/recalls/{recall}"}) {
        std::string path = own;
        for (const auto& [mark, id] : ids) path = replace_all(path, mark, id);
        INFO(path);
        REQUIRE(admin.get(path).status == 200);
    }

    // Every route of the document has a row, and every row a route.
    auto doc = admin.get("/api/v1/openapi.json");
    REQUIRE(doc.status == 200);
    std::set<std::string> documented;
    auto paths = doc.object()->getObject("paths");
    for (const auto& [pattern, item] : *paths)
        for (const auto& [method, operation] : *item.extract<Poco::JSON::Object::Ptr>())
            documented.insert(Poco::toUpper(method) + " " + pattern);
    std::set<std::string> in_table;
    for (const auto& row : table) {
        INFO("row " << row.route);
        CHECK(in_table.insert(row.route).second);   // one row per route
        CHECK(words(row.cells).size() == callers.size());
        CHECK(documented.count(row.route) == 1);     // no row for a route that is gone
    }
    for (const auto& route : documented) {
        INFO("route in openapi.json with no row in the access table: " << route);
        CHECK(in_table.count(route) == 1);
    }

    long cells = 0, mismatches = 0;
    for (const auto& row : table) {
        const auto expected = words(row.cells);
        if (expected.size() != callers.size()) continue;
        const std::string method = row.route.substr(0, row.route.find(' '));
        std::string path = row.target;
        for (const auto& [mark, id] : ids) path = replace_all(path, mark, id);
        const bool with_body = method != "GET";
        const bool ends_tokens = row.route == "POST /api/v1/auth/logout-everywhere";
        for (std::size_t c = 0; c < callers.size(); ++c) {
            const std::string& caller = callers[c];
            const std::string target = caller == "region" ? path + (path.find('?') == std::string::npos ? "?" : "&") +
                                                                "scope=region"
                                                          : path;
            auto answer = client.at(caller).send(method, target, with_body ? "{}" : "", with_body);
            ++cells;
            const bool ok = expected[c] == "ok" ? let_through.count(answer.status) == 1
                                                : answer.status == std::stoi(expected[c]);
            if (!ok) ++mismatches;
            INFO(row.route << " as " << caller << " (" << method << " " << target << "): expected " << expected[c]
                           << ", got " << answer.describe().substr(0, 300));
            CHECK(ok);
            if (ends_tokens && answer.status == 200) {   // this caller's tokens ended: sign in again
                const std::string user = caller == "other_unit" ? "warehouse2" : caller == "region" ? "manager" : caller;
                client.erase(caller);
                client.emplace(caller, login(server, user));
                if (user == "manager")   // the same user: both its clients were ended
                    for (const char* same : {"manager", "region"}) {
                        client.erase(same);
                        client.emplace(same, login(server, "manager"));
                    }
            }
        }
    }
    std::cout << "route access table: " << table.size() << " routes x " << callers.size() << " callers = " << cells
              << " cells, " << mismatches << " not as expected\n";
    CHECK(cells == static_cast<long>(table.size() * callers.size()));
}
