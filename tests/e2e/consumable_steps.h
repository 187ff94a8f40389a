// Steps of the consumable e2e tests (tests/e2e/consumables_test.cpp, recall_lots_test.cpp): new catalogue
// items with made-up GTINs, GS1 pack codes and scans, a case with a device picked for it, orders, lots by name.
#pragma once

#include <catch2/catch.hpp>

#include <unistd.h>

#include "api_client.h"
#include "shared/barcode/gs1_check_digit.h"
#include "workflow_steps.h"

namespace bhm::e2e {

inline std::string case_path(const Poco::JSON::Object::Ptr& c) { return "/api/v1/cases/" + std::to_string(id_of(c)); }

// A made-up GTIN-14 (GS1 prefix 709, company 9998) with its check digit, new in every call.
inline std::string new_gtin() {
    static int counter = 0;
    const std::string number = std::to_string((getpid() % 1000) * 100 + ++counter);
    const std::string first13 = "0709998" + std::string(6 - number.size(), '0') + number;
    return first13 + *barcode::gs1_check_digit(first13);
}

// "]d2" 01 GTIN 17 YYMMDD 10 lot: a GS1 DataMatrix on a consumable pack (AI 10 last: variable length).
inline std::string pack_code(const std::string& gtin, const std::string& expiry_iso, const std::string& lot) {
    const std::string yymmdd = expiry_iso.substr(2, 2) + expiry_iso.substr(5, 2) + expiry_iso.substr(8, 2);
    return "]d201" + gtin + "17" + yymmdd + "10" + lot;
}

inline ApiResponse scan_pack(const ApiClient& client, const std::string& mode, const std::string& code, int quantity,
                      const std::string& case_number = "", const std::string& id = new_scan_id()) {
    auto scan = scan_object(id, mode, code, case_number);
    scan->set("quantity", quantity);
    return client.post("/api/v1/scans", scan);
}

// A new device-tied consumable of `category` in the catalogue (the manager adds it).
inline Poco::JSON::Object::Ptr new_item(const ApiClient& manager, const std::string& category, long long price_ore,
                                 const std::string& payer = "device_tied") {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("gtin", new_gtin());
    body->set("name", "E2E item for " + category);
    body->set("unit_of_issue", "each");
    body->set("price_ore", price_ore);
    Poco::JSON::Array::Ptr categories = new Poco::JSON::Array;
    categories->add(category);
    body->set("categories", categories);
    body->set("payer", payer);
    auto added = manager.post("/api/v1/consumables", body);
    INFO(added.describe());
    REQUIRE(added.status == 201);
    return added.object();
}

// A reference item of the catalogue by part of its name.
inline Poco::JSON::Object::Ptr catalogue_item(const ApiClient& client, const std::string& name_part) {
    auto all = client.get("/api/v1/consumables");
    REQUIRE(all.status == 200);
    for (const auto& item : *all.array()) {
        auto object = item.extract<Poco::JSON::Object::Ptr>();
        if (text_of(object, "name").find(name_part) != std::string::npos) return object;
    }
    FAIL("no catalogue item named like " << name_part);
    return nullptr;
}

// An approved cpap case with its journal note and site check, and a ready device picked for it.
struct ReadyCase { Poco::JSON::Object::Ptr c, device; };
inline ReadyCase case_with_device(const ApiClient& warehouse, const ApiClient& technician, const ApiClient& caseworker,
                           int patient) {
    auto device = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", patient);
    REQUIRE(caseworker.post(case_path(c) + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    REQUIRE(caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                               utc_date(-3) + R"(","document_ref":"EL-9"})").status == 200);
    REQUIRE(post_scan(warehouse, "issue", text_of(device, "asset_tag"), text_of(c, "number")).status == 200);
    return {c, device};
}

inline ApiResponse deliver_device(const ApiClient& client, const ReadyCase& ready) {
    return client.post(case_path(ready.c) + "/deliveries",
                       R"({"device_id":)" + std::to_string(id_of(ready.device)) +
                           R"(,"handover":"shipped","manual_included":true,"training_recorded":true,)"
                           R"("trained":"patient","fitted_and_tested":true})");
}

inline Poco::JSON::Object::Ptr order_for(const ApiClient& client, const Poco::JSON::Object::Ptr& c, long long item_id,
                                  int quantity) {
    auto ordered = client.post(case_path(c) + "/consumable-orders",
                               R"({"lines":[{"item_id":)" + std::to_string(item_id) + R"(,"quantity":)" +
                                   std::to_string(quantity) + "}]}");
    INFO(ordered.describe());
    REQUIRE(ordered.status == 201);
    return ordered.object();
}

inline long long unit_paid_cost(const ApiClient& manager, const std::string& unit, const std::string& category) {
    auto report = manager.get("/api/v1/reports/annual?year=" + utc_date().substr(0, 4));
    REQUIRE(report.status == 200);
    for (const auto& row : *report.object()->getArray("rows")) {
        auto r = row.extract<Poco::JSON::Object::Ptr>();
        if (text_of(r, "unit") == unit && text_of(r, "category") == category)
            return r->getValue<long long>("consumable_cost_unit_paid_ore");
    }
    return 0;
}

inline long long lot_id_named(const ApiClient& client, long long item_id, const std::string& lot) {
    auto stock = client.get("/api/v1/consumables/stock?item_id=" + std::to_string(item_id));
    REQUIRE(stock.status == 200);
    for (const auto& l : *stock.array()) {
        auto object = l.extract<Poco::JSON::Object::Ptr>();
        if (text_of(object, "lot") == lot) return id_of(object);
    }
    FAIL("lot " << lot << " is not in stock");
    return 0;
}

}  // namespace bhm::e2e
