// The recall records against a real SQLite file: the affected list over 10,000 devices is exactly the covered
// set with where each device is, by indexes only; holds, progress and the once-only action record.
#include <catch2/catch.hpp>

#include <algorithm>

#include "db/sqlite/recall_queries.h"
#include "tests/db/store/recall_store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("the affected list of a serial-range notice over 10,000 devices is exactly the devices in the range, with "
          "the open loans' municipality",
          "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 10000, 1000);
    store->read([&](Transaction& tx) {
        const auto affected = tx.recall_affected_devices(r.notice);
        REQUIRE(static_cast<int>(affected.size()) == r.covered);
        CHECK(r.covered == 5000);
        int on_loan = 0, retired = 0;
        for (const auto& a : affected) {
            CHECK(serial_in_range(a.serial, "SN002501", "SN007500"));
            if (a.state == DeviceState::on_loan) {
                ++on_loan;
                CHECK(a.loan_id.has_value());
                CHECK(a.municipality == "Tromsø");
            } else {
                CHECK_FALSE(a.loan_id.has_value());
                CHECK(a.location == "A-01");
            }
            retired += a.state == DeviceState::retired;
        }
        CHECK(on_loan == r.covered_on_loan);
        CHECK(retired == r.covered_retired);
        CHECK(std::is_sorted(affected.begin(), affected.end(),
                             [](const AffectedDevice& a, const AffectedDevice& b) { return a.device_id < b.device_id; }));
        CHECK(tx.recall_progress(r.notice) == RecallProgress{0, 5000});
        CHECK(tx.recall_lots(r.lot_notice).size() == 1000);
        CHECK(r.lots_covered == 1000);
        CHECK(tx.recall_progress(r.lot_notice) == RecallProgress{0, 1000});
        CHECK(tx.open_loans_under_recall(r.world.unit) == r.covered_on_loan);
    });
}

TEST_CASE("the affected-list query reads every table by an index, never by a scan", "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 2000, 10);
    const auto plan = query_plan(folder.file("bhm.db"), sqlite_sql::recall_affected_devices, r.notice);
    REQUIRE_FALSE(plan.empty());
    for (const auto& line : plan) {
        INFO(line);
        CHECK(line.rfind("SCAN", 0) != 0);
    }
    auto uses = [&](const std::string& part) {
        return std::any_of(plan.begin(), plan.end(), [&](const std::string& l) { return l.find(part) != std::string::npos; });
    };
    CHECK(uses("SEARCH rd USING INDEX sqlite_autoindex_recall_devices_1 (notice_id=?)"));   // the primary key
    CHECK(uses("SEARCH lo USING INDEX loans_one_open_per_device (device_id=?)"));
}

TEST_CASE("a device's hold ends when its action is recorded, which is recorded once, and a closed notice holds nothing",
          "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 40, 3);
    store->write([&](Transaction& tx) {
        const Id device = tx.recall_affected_devices(r.notice).front().device_id;
        REQUIRE(tx.open_recall_holds(device).size() == 1);
        CHECK(tx.open_recall_holds(device).front().reference == "FSN-BENCH-1");
        CHECK(tx.mark_recall_device_done(r.notice, device, at("2026-03-03T10:00:00Z"), "technician", "ok"));
        CHECK_FALSE(tx.mark_recall_device_done(r.notice, device, at("2026-03-03T11:00:00Z"), "warehouse", ""));
        CHECK(tx.recall_device(r.notice, device)->done_by == "technician");
        CHECK(tx.open_recall_holds(device).empty());
        CHECK(tx.recall_progress(r.notice).done == 1);
        const Id lot = tx.recall_affected_lots(r.lot_notice).at(1).lot_id;
        REQUIRE(tx.open_lot_recall_holds(lot).size() == 1);
        CHECK(tx.mark_recall_stock_lot_done(r.lot_notice, lot, at("2026-03-03T10:00:00Z"), "warehouse", ""));
        CHECK_FALSE(tx.mark_recall_stock_lot_done(r.lot_notice, lot, at("2026-03-03T10:00:00Z"), "warehouse", ""));
        CHECK(tx.open_lot_recall_holds(lot).empty());
        CHECK(tx.recall_stock_lot(r.lot_notice, lot)->done_by == "warehouse");
        CHECK(tx.recall_progress(r.lot_notice) == RecallProgress{1, 3});
        const Id other = tx.recall_affected_devices(r.notice).back().device_id;
        tx.close_recall_notice(r.notice, at("2026-03-04T10:00:00Z"));
        CHECK(tx.open_recall_holds(other).empty());
        CHECK(tx.open_recall_notices_for_gtin(r.world.unit, "07012345000019").empty());
    });
}

TEST_CASE("the affected stock lots of a 1,000-lot notice are every covered lot with its stock, and every pick "
          "from them with its case and the patient's municipality",
          "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 100, 1000);
    store->read([&](Transaction& tx) {
        const auto lots = tx.recall_affected_lots(r.lot_notice);
        REQUIRE(lots.size() == 1000);
        int picked_lots = 0;
        for (const auto& l : lots) {
            CHECK(l.warehouse == "Hovedlager");
            CHECK(l.item_name == "Nasal mask, medium");
            picked_lots += l.quantity == 18;
        }
        CHECK(picked_lots == r.lot_picks);
        const auto issues = tx.recall_lot_issues(r.lot_notice);
        REQUIRE(static_cast<int>(issues.size()) == r.lot_picks);
        int delivered = 0;
        for (const auto& i : issues) {
            CHECK(i.municipality == "Tromsø");
            CHECK(i.case_id == r.world.case_id);
            CHECK(i.quantity == 2);
            delivered += i.order_status == "delivered" && i.delivered_at.has_value();
        }
        CHECK(delivered == r.lot_deliveries);
        CHECK(tx.recall_lot_issues(r.notice).empty());
    });
}

TEST_CASE("the affected-lots queries read every table by an index, never by a scan", "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 20, 200);
    for (const char* sql : {sqlite_sql::recall_affected_lots, sqlite_sql::recall_lot_issues}) {
        const auto plan = query_plan(folder.file("bhm.db"), sql, r.lot_notice);
        REQUIRE_FALSE(plan.empty());
        for (const auto& line : plan) {
            INFO(sql << "\n" << line);
            CHECK(line.rfind("SCAN", 0) != 0);
        }
    }
}

TEST_CASE("a notice's reference is unique within its unit", "[db][recall]") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    const auto r = make_recall_store(*store, 10, 1);
    CHECK_THROWS_AS(store->write([&](Transaction& tx) {
                        auto notice = *tx.recall_notice(r.notice);
                        tx.insert_recall_notice(notice);
                    }),
                    DuplicateKey);
}
