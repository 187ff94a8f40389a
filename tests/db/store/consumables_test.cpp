// The consumable records in a real SQLite file: reference items seeded at open, a lot's status changed
// with its history kept, quantities never below zero, and one lot per warehouse, item and lot number.
#include <catch2/catch.hpp>

#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("the reference consumables are in the store after open, with their categories and payer") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    store->read([](Transaction& tx) {
        auto items = tx.consumable_items();
        CHECK(items.size() == reference_consumables().size());
        auto mask = tx.consumable_item_by_gtin(reference_consumables().front().gtin);
        REQUIRE(mask);
        CHECK(mask->categories == std::vector<std::string>{"bipap", "cpap"});
        CHECK(mask->payer == Payer::device_tied);
    });
    auto reopened = open_sqlite_store(folder.file("bhm.db"));   // seeding twice adds nothing
    reopened->read([](Transaction& tx) { CHECK(tx.consumable_items().size() == reference_consumables().size()); });
}

TEST_CASE("set_lot_status changes a lot's status and appends the change with who, when and why") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.db"));
    auto world = make_world(*store);
    Id lot_id = 0;
    store->write([&](Transaction& tx) {
        auto item = tx.consumable_items().front();
        ConsumableLot lot;
        lot.unit_id = world.unit;
        lot.warehouse_id = world.warehouse;
        lot.item_id = item.id;
        lot.lot = "A1";
        lot.expiry = on("2028-01-31");
        lot.quantity = 5;
        lot.received_at = at("2026-03-01T10:00:00Z");
        lot_id = tx.insert_lot(lot);
        CHECK_THROWS_AS(tx.insert_lot(lot), DuplicateKey);
        tx.set_lot_status(lot_id, LotStatus::recalled, "FSN 2026-14", at("2026-04-01T09:00:00Z"), "manager");
    });
    store->read([&](Transaction& tx) {
        auto lot = tx.lot(lot_id);
        REQUIRE(lot);
        CHECK(lot->status == LotStatus::recalled);
        CHECK(lot->status_reason == "FSN 2026-14");
        auto changes = tx.lot_status_changes(lot_id);
        REQUIRE(changes.size() == 1);
        CHECK(changes[0].from == LotStatus::available);
        CHECK(changes[0].to == LotStatus::recalled);
        CHECK(changes[0].changed_by == "manager");
        CHECK(tx.lots_by_number(lot->item_id, "A1").size() == 1);
    });
    store->write([&](Transaction& tx) {
        tx.change_lot_quantity(lot_id, -5);
        CHECK_THROWS_AS(tx.change_lot_quantity(lot_id, -1), std::invalid_argument);
    });
    store->read([&](Transaction& tx) { CHECK(tx.lot(lot_id)->quantity == 0); });
}
