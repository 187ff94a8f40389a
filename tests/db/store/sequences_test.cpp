// Numbers the Store hands out (case numbers per unit and year, asset numbers), the reference
// categories it copies from shared/, the event log's order, and the list queries' filters and paging.
#include <catch2/catch.hpp>

#include "shared/catalogue/category.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("case numbers run per unit and year, six digits, starting at 1") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    store->write([](Transaction& tx) {
        CHECK(tx.next_case_number("UNN", 2026) == "UNN-2026-000001");
        CHECK(tx.next_case_number("UNN", 2026) == "UNN-2026-000002");
        CHECK(tx.next_case_number("OUS", 2026) == "OUS-2026-000001");
        CHECK(tx.next_case_number("UNN", 2027) == "UNN-2027-000001");
        CHECK(tx.next_case_number("UNN", 2026) == "UNN-2026-000003");
    });
    auto reopened = open_sqlite_store(folder.file("bhm.sqlite"));
    reopened->write([](Transaction& tx) { CHECK(tx.next_case_number("UNN", 2026) == "UNN-2026-000004"); });
    CHECK_THROWS_AS(store->write([](Transaction& tx) { tx.next_case_number("", 2026); }), std::invalid_argument);
    CHECK_THROWS_AS(store->write([](Transaction& tx) { tx.next_case_number("UNN", 26); }), std::invalid_argument);
}

TEST_CASE("a case number taken in a rolled-back write is handed out again") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    CHECK_THROWS(store->write([](Transaction& tx) {
        tx.next_case_number("UNN", 2026);
        throw std::runtime_error("refused");
    }));
    store->write([](Transaction& tx) { CHECK(tx.next_case_number("UNN", 2026) == "UNN-2026-000001"); });
}

TEST_CASE("asset numbers are one global counter starting at 1") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    store->write([](Transaction& tx) {
        CHECK(tx.next_asset_number() == 1u);
        CHECK(tx.next_asset_number() == 2u);
    });
    auto reopened = open_sqlite_store(folder.file("bhm.sqlite"));
    reopened->write([](Transaction& tx) { CHECK(tx.next_asset_number() == 3u); });
}

TEST_CASE("every reference category and its consumables is in the store after open") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    store->read([](Transaction& tx) {
        CHECK(tx.categories().size() == reference_categories().size());
        for (const CategoryRules& rules : reference_categories()) {
            INFO(rules.code);
            auto stored = tx.category(rules.code);
            REQUIRE(stored);
            CHECK(stored->name == rules.name);
            CHECK(stored->name_no == rules.name_no);
            CHECK(stored->site_check_required == rules.site_check_required);
            CHECK(stored->electrical == rules.electrical);
            CHECK(stored->inspection_interval_months == rules.inspection_interval_months);
            CHECK(stored->default_loan_days == rules.default_loan_days);
            CHECK(tx.category_consumables(rules.code) == rules.consumables);
        }
        CHECK_FALSE(tx.category("teleporter"));
    });
}

TEST_CASE("re-opening puts a category edited in the database back to shared/'s rules") {
    TempFolder folder;
    {
        auto store = open_sqlite_store(folder.file("bhm.sqlite"));
        store->write([](Transaction& tx) {
            Category edited = *tx.category("cpap");
            edited.inspection_interval_months = 99;
            tx.upsert_category(edited, {"only_this"});
        });
        store->read([](Transaction& tx) {
            CHECK(tx.category("cpap")->inspection_interval_months == 99);
            CHECK(tx.category_consumables("cpap") == std::vector<std::string>{"only_this"});
        });
    }
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    store->read([](Transaction& tx) {
        CHECK(tx.category("cpap")->inspection_interval_months == find_category("cpap")->inspection_interval_months);
        CHECK(tx.category_consumables("cpap") == find_category("cpap")->consumables);
    });
}

TEST_CASE("a device's events read back in the order they were appended") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id device = 0;
    const std::vector<std::string> kinds{"received", "cleaned", "inspected", "reserved", "delivered", "returned"};
    store->write([&](Transaction& tx) { device = tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });
    for (std::size_t i = 0; i < kinds.size(); ++i) {
        store->write([&](Transaction& tx) {
            // Same second for all: the order must come from the log, not from the clock.
            tx.append_event({0, world.unit, device, std::nullopt, at("2026-01-05T09:00:00Z"), "warehouse",
                             "demo-station", "scan-" + std::to_string(i), kinds[i], "", "", "{}"});
        });
    }
    store->read([&](Transaction& tx) {
        auto events = tx.device_events(device);
        REQUIRE(events.size() == kinds.size());
        for (std::size_t i = 0; i < kinds.size(); ++i) {
            CHECK(events[i].kind == kinds[i]);
            CHECK(events[i].scan_id == "scan-" + std::to_string(i));
            if (i > 0) CHECK(events[i].id > events[i - 1].id);
        }
        CHECK(tx.case_events(world.case_id).empty());
    });
}

TEST_CASE("device lists filter by unit, region, state and category, and page by id") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id other_unit = 0;
    store->write([&](Transaction& tx) {
        Id region = tx.insert_region({0, "HV", "Helse Vest"});
        other_unit = tx.insert_unit({0, region, "HUS", "Seksjon for behandlingshjelpemidler, Haukeland"});
        for (int i = 0; i < 5; ++i) {
            Device device = make_device(world, "SN-" + std::to_string(i), "BHM-T" + std::to_string(i));
            if (i == 4) device.status.state = DeviceState::on_loan;
            tx.insert_device(device);
        }
        Device elsewhere = make_device(world, "SN-X", "BHM-TX");
        elsewhere.unit_id = other_unit;
        elsewhere.warehouse_id.reset();
        elsewhere.location_id.reset();
        tx.insert_device(elsewhere);
    });
    store->read([&](Transaction& tx) {
        CHECK(tx.devices({world.unit, {}, {}, {}, {}}, Page{}).size() == 5);
        CHECK(tx.devices({{}, world.region, {}, {}, {}}, Page{}).size() == 5);
        CHECK(tx.devices({other_unit, {}, {}, {}, {}}, Page{}).size() == 1);
        CHECK(tx.devices({world.unit, {}, DeviceState::on_loan, {}, {}}, Page{}).size() == 1);
        CHECK(tx.devices({world.unit, {}, {}, std::string("cpap"), {}}, Page{}).size() == 5);
        CHECK(tx.devices({world.unit, {}, {}, std::string("tens"), {}}, Page{}).empty());
        auto first_page = tx.devices({world.unit, {}, {}, {}, {}}, Page{2, 0});
        REQUIRE(first_page.size() == 2);
        auto second_page = tx.devices({world.unit, {}, {}, {}, {}}, Page{2, first_page.back().id});
        REQUIRE(second_page.size() == 2);
        CHECK(second_page.front().id > first_page.back().id);
        CHECK_THROWS_AS(tx.devices({}, Page{}), std::invalid_argument);
        CHECK_THROWS_AS(tx.devices({world.unit, {}, {}, {}, {}}, Page{0, 0}), std::invalid_argument);
    });
}

TEST_CASE("inspection due lists electrical devices due by the date or never inspected, not retired ones") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    store->write([&](Transaction& tx) {
        Device soon = make_device(world, "SN-1", "BHM-T1");
        soon.inspection_due = on("2026-03-01");
        tx.insert_device(soon);
        Device later = make_device(world, "SN-2", "BHM-T2");
        later.inspection_due = on("2026-09-01");
        tx.insert_device(later);
        Device never = make_device(world, "SN-3", "BHM-T3");
        never.inspection_due.reset();
        tx.insert_device(never);
        Device retired = make_device(world, "SN-4", "BHM-T4");
        retired.inspection_due = on("2026-01-01");
        retired.status.state = DeviceState::retired;
        tx.insert_device(retired);
        Id garment_model =
            tx.insert_model({0, "07012345000026", "Sigma", "Flat-knit sleeve", "compression_garment", 90000, "IP", "none"});
        Device garment = make_device(world, "SN-5", "BHM-T5");
        garment.model_id = garment_model;
        garment.inspection_due.reset();
        tx.insert_device(garment);
    });
    store->read([&](Transaction& tx) {
        auto due = tx.devices_inspection_due(world.unit, on("2026-03-01"));
        REQUIRE(due.size() == 2);
        CHECK(due[0].asset_tag == "BHM-T3");  // never inspected comes first
        CHECK(due[1].asset_tag == "BHM-T1");
    });
}
