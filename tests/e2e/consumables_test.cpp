// Consumables end to end over the real binary (issue 8): packs received by GS1 scan, an order for a case
// picked first-expiry-first-out with an expired lot refused, sent with the device and counted in the annual
// report; rule 8's refusal; the standing-supply due list; the reorder list; the collection-gap list; and
// another unit seeing none of it.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "api_client.h"
#include "consumable_steps.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

TEST_CASE("packs received by GS1 scan are picked first-expiry-first-out for a case, an expired lot is refused, "
          "and the order goes out with the device into the annual report's costs",
          "[e2e][consumables]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 12500);
    const std::string gtin = text_of(item, "gtin");
    const long long item_id = id_of(item);

    // Receive three lots by scan, each with a typed quantity; a replayed scan is answered the same, once.
    const std::string late = utc_date(400), soon = utc_date(100), old = utc_date(10);
    const std::string scan_id = new_scan_id();
    auto received = scan_pack(warehouse, "receive", pack_code(gtin, late, "LATE1"), 5, "", scan_id);
    INFO(received.describe());
    REQUIRE(received.status == 200);
    CHECK(received.object()->getObject("lot")->getValue<int>("quantity") == 5);
    auto replayed = scan_pack(warehouse, "receive", pack_code(gtin, late, "LATE1"), 5, "", scan_id);
    CHECK(replayed.status == 200);
    CHECK(replayed.object()->getValue<bool>("replayed"));
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, soon, "SOON1"), 2).status == 200);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, old, "OLD1"), 4).status == 200);
    CHECK(lot_id_named(warehouse, item_id, "LATE1") > 0);
    auto stock = warehouse.get("/api/v1/consumables/stock?item_id=" + std::to_string(item_id)).array();
    REQUIRE(stock->size() == 3);
    for (const auto& l : *stock) {
        auto lot = l.extract<Poco::JSON::Object::Ptr>();
        if (text_of(lot, "lot") == "LATE1") CHECK(lot->getValue<int>("quantity") == 5);   // not 10: the replay
    }
    // An expired pack is not taken in at all.
    require_problem(scan_pack(warehouse, "receive", pack_code(gtin, utc_date(-2), "GONE1"), 1), 422, "pack_expired");
    {   // Time passes for lot OLD1: its expiry date moves behind today, as the calendar would move it.
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session db("SQLite", server.folder() + "/bhm.db");
        db << "PRAGMA busy_timeout = 5000", Poco::Data::Keywords::now;
        std::string yesterday = utc_date(-2);
        db << "UPDATE consumable_lots SET expiry = ? WHERE lot = 'OLD1'", Poco::Data::Keywords::use(yesterday),
            Poco::Data::Keywords::now;
    }

    auto ready = case_with_device(warehouse, technician, caseworker, 1801);
    const long long cost_before = unit_paid_cost(manager, "UNN", "cpap");
    auto order = order_for(caseworker, ready.c, item_id, 3);
    const std::string order_path = "/api/v1/consumable-orders/" + std::to_string(id_of(order));
    // The server proposes SOON1 (2) then LATE1 (1); the expired OLD1 is never proposed.
    auto proposed = order->getArray("lines")->getObject(0)->getArray("proposed_picks");
    REQUIRE(proposed->size() == 2);
    CHECK(text_of(proposed->getObject(0), "lot") == "SOON1");
    CHECK(proposed->getObject(0)->getValue<int>("quantity") == 2);
    CHECK(text_of(proposed->getObject(1), "lot") == "LATE1");
    CHECK(proposed->getObject(1)->getValue<int>("quantity") == 1);

    // A scan of the expired pack for the case is refused with its reason, and so is picking it by id.
    auto refused = scan_pack(warehouse, "issue", pack_code(gtin, old, "OLD1"), 1, text_of(ready.c, "number"));
    require_problem(refused, 422, "lot_expired");
    CHECK(refused.text("detail").find("OLD1") != std::string::npos);
    require_problem(warehouse.post(order_path + "/picks", R"({"lot_id":)" +
                                                              std::to_string(lot_id_named(warehouse, item_id, "OLD1")) +
                                                              R"(,"quantity":1})"),
                    422, "lot_expired");

    // Issue scans of the proposed packs, then the order is complete.
    REQUIRE(scan_pack(warehouse, "issue", pack_code(gtin, soon, "SOON1"), 2, text_of(ready.c, "number")).status == 200);
    auto last = scan_pack(warehouse, "issue", pack_code(gtin, late, "LATE1"), 1, text_of(ready.c, "number"));
    INFO(last.describe());
    REQUIRE(last.status == 200);
    CHECK(text_of(warehouse.get(order_path).object(), "status") == "picked");

    // Not sent before the device; with the device it goes out.
    require_problem(caseworker.post(order_path + "/delivery", "{}"), 422, "device_not_delivered");
    auto delivered = deliver_device(warehouse, ready);
    INFO(delivered.describe());
    REQUIRE(delivered.status == 201);
    auto sent = warehouse.get(order_path).object();
    CHECK(text_of(sent, "status") == "delivered");
    CHECK(sent->getValue<long long>("cost_ore") == 3 * 12500);
    CHECK(unit_paid_cost(manager, "UNN", "cpap") == cost_before + 3 * 12500);
    auto report = manager.get("/api/v1/reports/annual?year=" + utc_date().substr(0, 4)).object();
    CHECK(text_of(report, "note").find("not yet tracked") == std::string::npos);
    // Stock went down by what was picked: SOON1 empty, LATE1 4 left.
    auto after = warehouse.get("/api/v1/consumables/stock?item_id=" + std::to_string(item_id)).array();
    for (const auto& l : *after) {
        auto lot = l.extract<Poco::JSON::Object::Ptr>();
        if (text_of(lot, "lot") == "SOON1") CHECK(lot->getValue<int>("quantity") == 0);
        if (text_of(lot, "lot") == "LATE1") CHECK(lot->getValue<int>("quantity") == 4);
        if (text_of(lot, "lot") == "OLD1") CHECK(text_of(lot, "effective_status") == "expired");
    }
}

TEST_CASE("an order for a municipality-paid item is refused with rule 8, as is an item of another category, "
          "and nothing is written",
          "[e2e][consumables]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 1802);
    auto wipes = catalogue_item(caseworker, "Mask cleaning wipes");
    REQUIRE(text_of(wipes, "payer") == "municipality");
    auto refused = caseworker.post(case_path(c) + "/consumable-orders",
                                   R"({"lines":[{"item_id":)" + std::to_string(id_of(wipes)) + R"(,"quantity":1}]})");
    require_problem(refused, 422, "municipality_pays");
    CHECK(refused.text("rule") == "Prosedyre pkt. 8");
    CHECK(refused.text("detail").find("municipality pays") != std::string::npos);

    auto cannula = catalogue_item(caseworker, "nasal oxygen cannula");
    require_problem(caseworker.post(case_path(c) + "/consumable-orders",
                                    R"({"lines":[{"item_id":)" + std::to_string(id_of(cannula)) + R"(,"quantity":1}]})"),
                    422, "item_not_for_category");
    // A standing order is held to the same rule.
    require_problem(caseworker.post(case_path(c) + "/standing-orders",
                                    R"({"item_id":)" + std::to_string(id_of(wipes)) + R"(,"quantity":1,"interval_days":30})"),
                    422, "municipality_pays");
    // A case not yet approved orders nothing; bad input is a 400.
    auto applied = specialist_application(caseworker, "cpap", 1803);
    auto mask = catalogue_item(caseworker, "Full face CPAP mask");
    require_problem(caseworker.post(case_path(applied) + "/consumable-orders",
                                    R"({"lines":[{"item_id":)" + std::to_string(id_of(mask)) + R"(,"quantity":1}]})"),
                    422, "case_not_approved");
    require_problem(caseworker.post(case_path(c) + "/consumable-orders", R"({"lines":[]})"), 400);
    require_problem(caseworker.post(case_path(c) + "/consumable-orders",
                                    R"({"lines":[{"item_id":)" + std::to_string(id_of(mask)) + R"(,"quantity":0}]})"),
                    400);
    auto orders = caseworker.get(case_path(c) + "/consumable-orders");
    REQUIRE(orders.status == 200);
    CHECK(orders.array()->size() == 0);
    CHECK(caseworker.get(case_path(c) + "/standing-orders").array()->size() == 0);
}

TEST_CASE("a standing order is on this week's due list once the device is out, and its sent order moves it on",
          "[e2e][consumables]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 4900);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(text_of(item, "gtin"), utc_date(300), "STAND1"), 10).status ==
            200);
    auto ready = case_with_device(warehouse, login(server, "technician"), caseworker, 1804);
    auto made = caseworker.post(case_path(ready.c) + "/standing-orders",
                                R"({"item_id":)" + std::to_string(id_of(item)) + R"(,"quantity":2,"interval_days":30,)"
                                R"("start_on":")" + utc_date() + R"("})");
    INFO(made.describe());
    REQUIRE(made.status == 201);
    const long long standing_id = id_of(made.object());
    auto on_list = [&]() -> Poco::JSON::Object::Ptr {
        auto due = warehouse.get("/api/v1/standing-orders/due");
        REQUIRE(due.status == 200);
        for (const auto& d : *due.array()) {
            auto object = d.extract<Poco::JSON::Object::Ptr>();
            if (id_of(object) == standing_id) return object;
        }
        return nullptr;
    };
    CHECK_FALSE(on_list());   // the device is not out yet
    REQUIRE(deliver_device(warehouse, ready).status == 201);
    auto due = on_list();
    REQUIRE(due);
    CHECK(text_of(due, "next_due") == utc_date());
    CHECK(text_of(due, "case_number") == text_of(ready.c, "number"));

    auto ordered = warehouse.post("/api/v1/standing-orders/" + std::to_string(standing_id) + "/orders", "");
    INFO(ordered.describe());
    REQUIRE(ordered.status == 201);
    const std::string order_path = "/api/v1/consumable-orders/" + std::to_string(id_of(ordered.object()));
    require_problem(warehouse.post("/api/v1/standing-orders/" + std::to_string(standing_id) + "/orders", ""), 409,
                    "order_open");
    CHECK(on_list()->getValue<long long>("open_order_id") == id_of(ordered.object()));
    REQUIRE(warehouse.post(order_path + "/picks", R"({"fefo":true})").status == 200);
    auto sent = warehouse.post(order_path + "/delivery", "{}");
    INFO(sent.describe());
    REQUIRE(sent.status == 200);
    CHECK_FALSE(on_list());   // next due in 30 days, after this week
    auto standing = caseworker.get(case_path(ready.c) + "/standing-orders").array()->getObject(0);
    CHECK(text_of(standing, "next_due") == utc_date(30));
}

TEST_CASE("the reorder list shows an item below its minimum and how many to order up to the maximum, "
          "and a quarantined or recalled lot neither counts nor is picked",
          "[e2e][consumables]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "tens", 7900);
    const std::string gtin = text_of(item, "gtin");
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, utc_date(200), "RO1"), 3).status == 200);
    auto warehouses = warehouse.get("/api/v1/warehouses").array();
    const std::string warehouse_id = std::to_string(id_of(warehouses->getObject(0)));
    const std::string levels = "/api/v1/warehouses/" + warehouse_id + "/stock-levels";
    require_problem(warehouse.send("PUT", levels, R"({"item_id":)" + std::to_string(id_of(item)) +
                                                      R"(,"minimum":20,"maximum":5})", true),
                    422, "invalid_stock_level");
    REQUIRE(warehouse.send("PUT", levels, R"({"item_id":)" + std::to_string(id_of(item)) +
                                              R"(,"minimum":10,"maximum":40})", true).status == 200);
    auto find = [&]() -> Poco::JSON::Object::Ptr {
        auto list = warehouse.get("/api/v1/consumables/reorder");
        REQUIRE(list.status == 200);
        for (const auto& r : *list.array()) {
            auto object = r.extract<Poco::JSON::Object::Ptr>();
            if (object->getValue<long long>("item_id") == id_of(item)) return object;
        }
        return nullptr;
    };
    auto row = find();
    REQUIRE(row);
    CHECK(row->getValue<int>("on_hand") == 3);
    CHECK(row->getValue<int>("order_quantity") == 37);
    CHECK(row->getValue<long long>("cost_ore") == 37 * 7900);

    // Counting the lot: a different count is answered as a mismatch, and recorded.
    auto counted = scan_pack(warehouse, "count", pack_code(gtin, utc_date(200), "RO1"), 2);
    require_problem(counted, 409, "count_mismatch");
    CHECK(scan_pack(warehouse, "count", pack_code(gtin, utc_date(200), "RO1"), 3).status == 200);

    const long long lot_id = lot_id_named(warehouse, id_of(item), "RO1");
    const std::string status_path = "/api/v1/consumables/lots/" + std::to_string(lot_id) + "/status";
    REQUIRE(warehouse.post(status_path, R"({"status":"quarantined","reason":"Wet outer boxes"})").status == 200);
    CHECK(find()->getValue<int>("order_quantity") == 40);
    // Only a manager marks a lot recalled; the change is kept with its reason.
    require_problem(warehouse.post(status_path, R"({"status":"recalled","reason":"FSN"})"), 403);
    REQUIRE(manager.post(status_path, R"({"status":"recalled","reason":"FSN 2026-77"})").status == 200);
    auto lot = warehouse.get("/api/v1/consumables/lots/" + std::to_string(lot_id)).object();
    CHECK(text_of(lot, "effective_status") == "recalled");
    CHECK(lot->getArray("status_changes")->size() == 2);
    auto c = approved_case(login(server, "caseworker"), "tens", 1806);
    auto order = order_for(warehouse, c, id_of(item), 1);
    CHECK(order->getArray("lines")->getObject(0)->getValue<int>("short_by") == 1);   // nothing may be proposed
    auto refused = scan_pack(warehouse, "issue", pack_code(gtin, utc_date(200), "RO1"), 1, text_of(c, "number"));
    require_problem(refused, 422, "lot_recalled");
    require_problem(warehouse.post("/api/v1/consumable-orders/" + std::to_string(id_of(order)) + "/picks",
                                   R"({"fefo":true})"),
                    422, "stock_short");
}

TEST_CASE("the loans whose device-tied consumables were not collected within N days are listed to contact",
          "[e2e][consumables]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto by_default = caseworker.get("/api/v1/consumables/collection-gaps");
    INFO(by_default.describe());
    REQUIRE(by_default.status == 200);
    REQUIRE(by_default.array()->size() > 0);   // the demo has loans without consumables for long
    for (const auto& g : *by_default.array()) {
        auto gap = g.extract<Poco::JSON::Object::Ptr>();
        CHECK(gap->getValue<int>("days_without_collection") > 180);
        CHECK_FALSE(gap->has("patient_name"));
        CHECK(gap->has("municipality"));
    }
    auto stricter = caseworker.get("/api/v1/consumables/collection-gaps?days=60").array();
    CHECK(stricter->size() >= by_default.array()->size());
    for (const auto& g : *stricter) CHECK(g.extract<Poco::JSON::Object::Ptr>()->getValue<int>("days_without_collection") > 60);
    require_problem(caseworker.get("/api/v1/consumables/collection-gaps?days=0"), 400);
    require_problem(login(server, "warehouse").get("/api/v1/consumables/collection-gaps"), 403);
}

TEST_CASE("another unit sees none of a unit's consumable stock, orders or lots", "[e2e][consumables][scoping]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto other = login(server, "warehouse2");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 1000);
    REQUIRE(scan_pack(warehouse, "receive", pack_code(text_of(item, "gtin"), utc_date(200), "UNNONLY"), 5).status == 200);
    const long long lot_id = lot_id_named(warehouse, id_of(item), "UNNONLY");
    auto c = approved_case(caseworker, "cpap", 1805);
    auto order = order_for(caseworker, c, id_of(item), 1);
    const std::string order_path = "/api/v1/consumable-orders/" + std::to_string(id_of(order));

    auto theirs = other.get("/api/v1/consumables/stock?item_id=" + std::to_string(id_of(item)));
    REQUIRE(theirs.status == 200);
    CHECK(theirs.array()->size() == 0);
    require_problem(other.get("/api/v1/consumables/lots/" + std::to_string(lot_id)), 404);
    require_problem(other.get(order_path), 404);
    require_problem(other.get(case_path(c) + "/consumable-orders"), 404);
    require_problem(other.post(order_path + "/picks", R"({"lot_id":)" + std::to_string(lot_id) + R"(,"quantity":1})"), 404);
    require_problem(other.post("/api/v1/consumables/lots/" + std::to_string(lot_id) + "/status",
                               R"({"status":"on_hold","reason":"x"})"), 404);
    // A pack of UNN's lot scanned there is not in their stock.
    require_problem(scan_pack(other, "count", pack_code(text_of(item, "gtin"), utc_date(200), "UNNONLY"), 5), 404,
                    "unknown_lot");
    auto own_list = warehouse.get("/api/v1/consumables/stock").array();
    auto their_list = other.get("/api/v1/consumables/stock").array();
    for (const auto& mine : *own_list)
        for (const auto& their : *their_list)
            CHECK(id_of(mine.extract<Poco::JSON::Object::Ptr>()) != id_of(their.extract<Poco::JSON::Object::Ptr>()));
    CHECK(text_of(warehouse.get(order_path).object(), "status") == "open");
}

TEST_CASE("an exchange at home sends the case's picked consumable orders with the replacement device",
          "[e2e][consumables][exchange]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto item = new_item(manager, "cpap", 3300);
    const std::string gtin = text_of(item, "gtin");
    REQUIRE(scan_pack(warehouse, "receive", pack_code(gtin, utc_date(300), "EXC1"), 4).status == 200);
    auto loan = deliver_cpap(warehouse, technician, caseworker, 1807);
    auto order = order_for(caseworker, loan.c, id_of(item), 2);
    const std::string order_path = "/api/v1/consumable-orders/" + std::to_string(id_of(order));
    REQUIRE(warehouse.post(order_path + "/picks", R"({"lot_id":)" + std::to_string(lot_id_named(warehouse, id_of(item), "EXC1")) +
                                                      R"(,"quantity":2})").status == 200);
    REQUIRE(text_of(warehouse.get(order_path).object(), "status") == "picked");

    auto replacement = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    auto swapped = exchange_device(warehouse, loan, id_of(replacement));
    INFO(swapped.describe());
    REQUIRE(swapped.status == 201);
    auto sent = warehouse.get(order_path).object();
    CHECK(text_of(sent, "status") == "delivered");
    CHECK(text_of(sent, "delivered_at") == text_of(swapped.object()->getObject("loan"), "delivered_at"));
}
