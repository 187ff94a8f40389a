// Field safety notices on consumable lots over HTTP (issue 8): a lot-list notice on a consumable GTIN marks the
// unit's stock lots of it recalled, a pick or issue scan of such a lot is refused naming the notice, the affected
// list shows the lot in stock and issued to a case (the address only for the roles that may see it, each read
// logged), the action done per stock lot releases or keeps the lot as the action says and closes the notice, and
// a later receipt of a covered lot is held at once.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "consumable_steps.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

Poco::JSON::Object::Ptr lot_named(const ApiClient& client, long long item_id, const std::string& lot) {
    auto stock = client.get("/api/v1/consumables/stock?item_id=" + std::to_string(item_id));
    REQUIRE(stock.status == 200);
    for (const auto& l : *stock.array()) {
        auto object = l.extract<Poco::JSON::Object::Ptr>();
        if (text_of(object, "lot") == lot) return object;
    }
    FAIL("lot " << lot << " is not in stock");
    return nullptr;
}

ApiResponse register_lot_notice(const ApiClient& manager, const std::string& reference, const std::string& action,
                                const std::string& gtin, const std::string& coverage_json) {
    return manager.post("/api/v1/recalls", R"({"reference":")" + reference + R"(","issued_on":")" + utc_date(0) +
                                               R"(","action":")" + action + R"(","user_text":"Check the mask seals.",)"
                                               R"("gtin":")" + gtin + R"(",)" + coverage_json + "}");
}

}  // namespace

TEST_CASE("a lot-list notice on a consumable marks its stock lots recalled, refuses their picks naming the notice, "
          "lists them in stock and issued to cases, and closes when the action is done for each",
          "[e2e][recall][consumables]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 9900);
    const std::string gtin = text_of(item, "gtin");
    const long long item_id = id_of(item);
    const std::string expiry = utc_date(300), later_expiry = utc_date(500);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, expiry, "RL1"), 10).status == 200);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, later_expiry, "RL2"), 5).status == 200);

    // Two packs of RL1 go to a patient with the device, before the notice.
    auto ready = case_with_device(warehouse, technician, caseworker, 1861);
    auto sent = order_for(caseworker, ready.c, item_id, 2);
    const long long rl1 = lot_id_named(warehouse, item_id, "RL1");
    REQUIRE(warehouse.post("/api/v1/consumable-orders/" + std::to_string(id_of(sent)) + "/picks",
                           R"({"lot_id":)" + std::to_string(rl1) + R"(,"quantity":2})").status == 200);
    REQUIRE(deliver_device(caseworker, ready).status == 201);
    auto waiting = order_for(caseworker, ready.c, item_id, 1);
    const std::string waiting_path = "/api/v1/consumable-orders/" + std::to_string(id_of(waiting));

    // The notice marks RL1 recalled at once; RL2 is not listed.
    auto registered = register_lot_notice(manager, "FSN-E2E-RL", "inspect", gtin, R"("coverage":"lot_list","lots":["RL1"])");
    INFO(registered.describe());
    REQUIRE(registered.status == 201);
    CHECK(registered.object()->getValue<int>("lots_held") == 1);
    CHECK(registered.object()->getObject("progress")->getValue<int>("total") == 1);
    const std::string path = "/api/v1/recalls/" + std::to_string(id_of(registered.object()));
    auto held = lot_named(warehouse, item_id, "RL1");
    CHECK(text_of(held, "status") == "recalled");
    CHECK(text_of(held, "status_reason").find("FSN-E2E-RL") != std::string::npos);
    CHECK(text_of(lot_named(warehouse, item_id, "RL2"), "status") == "available");

    // Picks, issue scans and the FEFO proposal refuse RL1, naming the notice.
    auto refused = warehouse.post(waiting_path + "/picks", R"({"lot_id":)" + std::to_string(rl1) + R"(,"quantity":1})");
    require_problem(refused, 422, "recall_action_pending");
    CHECK(refused.text("detail").find("FSN-E2E-RL") != std::string::npos);
    auto scanned = scan_pack(warehouse, "issue", pack_code(gtin, expiry, "RL1"), 1, text_of(ready.c, "number"));
    require_problem(scanned, 422, "recall_action_pending");
    CHECK(scanned.text("detail").find("FSN-E2E-RL") != std::string::npos);
    auto proposed = warehouse.get(waiting_path).object()->getArray("lines")->getObject(0)->getArray("proposed_picks");
    REQUIRE(proposed->size() == 1);
    CHECK(text_of(proposed->getObject(0), "lot") == "RL2");

    // The affected list: RL1 in stock (8 left) and issued to the case, apart; addresses for the caseworker only.
    auto affected = warehouse.get(path + "/affected");
    INFO(affected.describe());
    REQUIRE(affected.status == 200);
    auto lots = affected.object()->getObject("lots");
    REQUIRE(lots->getArray("in_stock")->size() == 1);
    auto in_stock = lots->getArray("in_stock")->getObject(0);
    CHECK(id_of(in_stock, "lot_id") == rl1);
    CHECK(in_stock->getValue<int>("quantity") == 8);
    CHECK_FALSE(text_of(in_stock, "warehouse").empty());
    REQUIRE(lots->getArray("issued")->size() == 1);
    auto issued = lots->getArray("issued")->getObject(0);
    CHECK(text_of(issued, "case_number") == text_of(ready.c, "number"));
    CHECK(text_of(issued, "order_status") == "delivered");
    CHECK(issued->getValue<int>("quantity") == 2);
    CHECK_FALSE(text_of(issued, "municipality").empty());
    CHECK_FALSE(issued->has("address"));
    auto for_caseworker = caseworker.get(path + "/affected").object()->getObject("lots")->getArray("issued")->getObject(0);
    CHECK_FALSE(text_of(for_caseworker, "address").empty());
    CHECK(manager.get("/api/v1/patient-access-log?limit=500").body.find("/affected") != std::string::npos);
    auto csv = warehouse.get(path + "/affected?format=csv");
    REQUIRE(csv.status == 200);
    CHECK(csv.body.find("FSN-E2E-RL,lot,in_stock,,,RL1") != std::string::npos);
    CHECK(csv.body.find("FSN-E2E-RL,lot_issued,issued,,,RL1") != std::string::npos);
    CHECK(csv.body.find(text_of(ready.c, "number")) != std::string::npos);

    // The action per stock lot: not a covered lot 404, a caseworker 403; done, the inspected lot is released and
    // the notice closes; twice is a conflict.
    const long long rl2 = id_of(lot_named(warehouse, item_id, "RL2"));
    require_problem(warehouse.post(path + "/lots/done", R"({"lot_id":)" + std::to_string(rl2) + "}"), 404);
    require_problem(warehouse.post(path + "/lots/done", R"({"lot":"RL1"})"), 400);
    require_problem(caseworker.post(path + "/lots/done", R"({"lot_id":)" + std::to_string(rl1) + "}"), 403);
    auto done = warehouse.post(path + "/lots/done", R"({"lot_id":)" + std::to_string(rl1) + R"(,"note":"seals fine"})");
    INFO(done.describe());
    REQUIRE(done.status == 200);
    CHECK(text_of(done.object(), "status") == "closed");
    CHECK(done.object()->getObject("progress")->getValue<int>("done") == 1);
    require_problem(warehouse.post(path + "/lots/done", R"({"lot_id":)" + std::to_string(rl1) + "}"), 409);
    CHECK(text_of(lot_named(warehouse, item_id, "RL1"), "status") == "available");
    CHECK(warehouse.post(waiting_path + "/picks", R"({"lot_id":)" + std::to_string(rl1) + R"(,"quantity":1})").status ==
          200);
}

TEST_CASE("a lot received after an open notice covers it is held at receipt with the notice named, and a return "
          "done leaves it recalled",
          "[e2e][recall][consumables]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 4500);
    const std::string gtin = text_of(item, "gtin");
    const long long item_id = id_of(item);
    auto registered = register_lot_notice(manager, "FSN-E2E-LATER", "return", gtin,
                                          R"("coverage":"lot_list","lots":["RL9","RL10"])");
    INFO(registered.describe());
    REQUIRE(registered.status == 201);
    CHECK(registered.object()->getValue<int>("lots_held") == 0);
    const std::string path = "/api/v1/recalls/" + std::to_string(id_of(registered.object()));

    // By scan: the answer names the notice; typed: the lot comes back recalled with the notice in its reason.
    auto scanned = scan_pack(warehouse, "receive", pack_code(gtin, utc_date(200), "RL9"), 3);
    INFO(scanned.describe());
    REQUIRE(scanned.status == 200);
    CHECK(text_of(scanned.object()->getObject("lot"), "status") == "recalled");
    CHECK(scanned.body.find("FSN-E2E-LATER") != std::string::npos);
    auto typed = warehouse.post("/api/v1/consumables/receipts", R"({"gtin":")" + gtin + R"(","lot":"RL10","expiry":")" +
                                                                    utc_date(200) + R"(","quantity":2})");
    INFO(typed.describe());
    REQUIRE(typed.status == 201);
    CHECK(text_of(typed.object(), "status") == "recalled");
    CHECK(text_of(typed.object(), "status_reason").find("FSN-E2E-LATER") != std::string::npos);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, utc_date(200), "RL11"), 1).status == 200);
    CHECK(text_of(lot_named(warehouse, item_id, "RL11"), "status") == "available");
    CHECK(manager.get(path).object()->getObject("progress")->getValue<int>("total") == 2);

    // A notice on every lot of the consumable holds the one left (RL11) at once.
    auto all = register_lot_notice(manager, "FSN-E2E-ALL", "stop_using", gtin, R"("coverage":"all_serials")");
    INFO(all.describe());
    REQUIRE(all.status == 201);
    CHECK(all.object()->getValue<int>("lots_held") == 3);
    CHECK(text_of(lot_named(warehouse, item_id, "RL11"), "status") == "recalled");

    // The return done for RL9 leaves it recalled (its packs go back), and the notice stays open for RL10.
    const long long rl9 = lot_id_named(warehouse, item_id, "RL9");
    auto done = warehouse.post(path + "/lots/done", R"({"lot_id":)" + std::to_string(rl9) + "}");
    REQUIRE(done.status == 200);
    CHECK(text_of(done.object(), "status") == "open");
    CHECK(text_of(lot_named(warehouse, item_id, "RL9"), "status") == "recalled");
    // A serial notice on a consumable covers nothing a consumable has: refused.
    require_problem(register_lot_notice(manager, "FSN-E2E-SER", "inspect", gtin,
                                        R"("coverage":"serial_list","serials":["A1"])"),
                    422, "recall_unknown_model");
}
