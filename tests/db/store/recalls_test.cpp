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
        CHECK(tx.mark_recall_lot_done(r.lot_notice, "L00002", at("2026-03-03T10:00:00Z"), "warehouse", ""));
        CHECK_FALSE(tx.mark_recall_lot_done(r.lot_notice, "L00002", at("2026-03-03T10:00:00Z"), "warehouse", ""));
        CHECK(tx.recall_progress(r.lot_notice) == RecallProgress{1, 3});
        const Id other = tx.recall_affected_devices(r.notice).back().device_id;
        tx.close_recall_notice(r.notice, at("2026-03-04T10:00:00Z"));
        CHECK(tx.open_recall_holds(other).empty());
        CHECK(tx.open_recall_notices_for_gtin(r.world.unit, "07012345000019").empty());
    });
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
