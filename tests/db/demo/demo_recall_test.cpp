// The demo set's field safety notice: one open notice in the first unit, holding a few devices in stock and
// a few on loan, each held through the recall workflow (a recall_hold event per device).
#include <catch2/catch.hpp>

#include "server/demo/demo_data.h"
#include "tests/db/store/store_fixture.h"

using namespace bhm;

TEST_CASE("the demo set has one open field safety notice covering devices in stock and on loan", "[demo][recall]") {
    db::testing::TempFolder folder;
    auto store = db::open_sqlite_store(folder.file("demo.db"));
    server::load_demo_data(*store, *parse_iso_timestamp("2026-03-15T12:00:00Z"), "demo");
    store->read([&](db::Transaction& tx) {
        int notices = 0;
        for (const auto& unit : tx.units()) {
            for (const auto& notice : tx.recall_notices(unit.id, db::Page{100, 0})) {
                ++notices;
                CHECK_FALSE(notice.closed_at);
                int in_stock = 0, on_loan = 0;
                for (const auto& a : tx.recall_affected_devices(notice.id)) {
                    in_stock += a.state == DeviceState::available;
                    on_loan += a.state == DeviceState::on_loan;
                    CHECK(tx.open_recall_holds(a.device_id).size() == 1);
                    bool logged = false;
                    for (const auto& e : tx.device_events(a.device_id)) logged = logged || e.kind == "recall_hold";
                    CHECK(logged);
                }
                CHECK(in_stock >= 1);
                CHECK(on_loan >= 1);
                CHECK(tx.recall_progress(notice.id).done == 0);
            }
        }
        CHECK(notices == 1);
    });
}
