// write() is one transaction: all or nothing, version-checked updates, unique keys enforced, and two
// threads racing to reserve one device: exactly one wins. read() cannot write.
#include <catch2/catch.hpp>

#include <atomic>
#include <barrier>
#include <thread>

#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("a throw inside write() leaves nothing behind") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    CHECK_THROWS_WITH(store->write([&](Transaction& tx) {
        tx.insert_device(make_device(world, "SN-1", "BHM-T1"));
        tx.put_setting("half", "done");
        throw std::runtime_error("the scan was refused");
    }),
                      "the scan was refused");
    store->read([&](Transaction& tx) {
        CHECK_FALSE(tx.device_by_asset_tag("BHM-T1"));
        CHECK_FALSE(tx.setting("half"));
    });
    // The store is still usable afterwards.
    store->write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });
    store->read([&](Transaction& tx) { CHECK(tx.device_by_asset_tag("BHM-T1")); });
}

TEST_CASE("a committed write is visible to a second store on the same file") {
    TempFolder folder;
    auto first = open_sqlite_store(folder.file("bhm.sqlite"));
    auto second = open_sqlite_store(folder.file("bhm.sqlite"));
    first->write([](Transaction& tx) { tx.put_setting("k", "v"); });
    second->read([](Transaction& tx) { CHECK(tx.setting("k") == std::optional<std::string>("v")); });
}

TEST_CASE("a stale update_device throws StaleWrite and changes nothing") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id id = 0;
    store->write([&](Transaction& tx) { id = tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });
    Device stale;
    store->read([&](Transaction& tx) { stale = *tx.device(id); });

    Device fresh = stale;
    fresh.status.state = DeviceState::in_service;
    store->write([&](Transaction& tx) { tx.update_device(fresh); });
    CHECK(fresh.version == stale.version + 1);

    stale.status.state = DeviceState::lost;
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.update_device(stale); }), StaleWrite);
    store->read([&](Transaction& tx) {
        auto stored = tx.device(id);
        CHECK(stored->status.state == DeviceState::in_service);
        CHECK(stored->version == fresh.version);
    });
}

TEST_CASE("update_case is version-checked too") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Case first, second;
    store->read([&](Transaction& tx) { first = second = *tx.case_by_id(world.case_id); });
    first.status = CaseStatus::approved;
    store->write([&](Transaction& tx) { tx.update_case(first); });
    second.status = CaseStatus::rejected;
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.update_case(second); }), StaleWrite);
    store->read([&](Transaction& tx) { CHECK(tx.case_by_id(world.case_id)->status == CaseStatus::approved); });
}

TEST_CASE("updating a device that does not exist is a clear error, not a conflict") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Device ghost = make_device(world, "SN-9", "BHM-T9");
    ghost.id = 4242;
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.update_device(ghost); }), std::invalid_argument);
}

TEST_CASE("a duplicate serial of one model or a duplicate asset tag throws DuplicateKey") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    store->write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });
    CHECK_THROWS_WITH(store->write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-T2")); }),
                      Catch::Contains("devices.model_id, devices.serial"));
    CHECK_THROWS_WITH(store->write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-2", "BHM-T1")); }),
                      Catch::Contains("devices.asset_tag"));
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-2", "BHM-T1")); }),
                    DuplicateKey);
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.insert_user({0, world.unit, "anne", "admin", "h", true, 0}); 
                                                         tx.insert_user({0, world.unit, "anne", "manager", "h", true, 0}); }),
                    DuplicateKey);
}

TEST_CASE("a record pointing at a missing record or holding a value outside its domain is refused clearly") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Device orphan = make_device(world, "SN-1", "BHM-T1");
    orphan.model_id = 999;
    CHECK_THROWS_WITH(store->write([&](Transaction& tx) { tx.insert_device(orphan); }),
                      Catch::Contains("does not exist"));
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.insert_user({0, world.unit, "bob", "wizard", "h", true, 0}); }),
                    std::invalid_argument);
}

TEST_CASE("two threads racing to reserve the same device: exactly one wins") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id id = 0;
    store->write([&](Transaction& tx) { id = tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });

    std::atomic<int> wins{0}, conflicts{0};
    std::barrier both_have_read(2);
    auto reserve = [&] {
        Device device;
        store->read([&](Transaction& tx) { device = *tx.device(id); });
        both_have_read.arrive_and_wait();  // both saw the device available at the same version
        try {
            store->write([&](Transaction& tx) {
                device.status.state = DeviceState::reserved;
                device.reserved_case_id = world.case_id;
                tx.update_device(device);
            });
            ++wins;
        } catch (const StaleWrite&) {
            ++conflicts;
        }
    };
    std::thread first(reserve), second(reserve);
    first.join();
    second.join();
    CHECK(wins == 1);
    CHECK(conflicts == 1);
    store->read([&](Transaction& tx) { CHECK(tx.device(id)->version == 1); });
}

TEST_CASE("two stores on one file racing to reserve the same device: exactly one wins") {
    TempFolder folder;
    auto first_store = open_sqlite_store(folder.file("bhm.sqlite"));
    auto second_store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*first_store);
    Id id = 0;
    first_store->write([&](Transaction& tx) { id = tx.insert_device(make_device(world, "SN-1", "BHM-T1")); });

    std::atomic<int> wins{0}, conflicts{0};
    std::barrier both_have_read(2);
    auto reserve = [&](Store& store) {
        Device device;
        store.read([&](Transaction& tx) { device = *tx.device(id); });
        both_have_read.arrive_and_wait();
        try {
            store.write([&](Transaction& tx) {
                device.status.state = DeviceState::reserved;
                tx.update_device(device);
            });
            ++wins;
        } catch (const StaleWrite&) {
            ++conflicts;
        }
    };
    std::thread first([&] { reserve(*first_store); }), second([&] { reserve(*second_store); });
    first.join();
    second.join();
    CHECK(wins == 1);
    CHECK(conflicts == 1);
}

TEST_CASE("read() cannot write") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    CHECK_THROWS(store->read([](Transaction& tx) { tx.put_setting("k", "v"); }));
    store->read([](Transaction& tx) { CHECK_FALSE(tx.setting("k")); });
    store->write([](Transaction& tx) { tx.put_setting("k", "v"); });  // writing still works afterwards
    store->read([](Transaction& tx) { CHECK(tx.setting("k")); });
}

TEST_CASE("a write nested inside another write on the same thread is refused instead of deadlocking") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    CHECK_THROWS_AS(store->write([&](Transaction&) { store->write([](Transaction&) {}); }), std::logic_error);
    store->write([](Transaction& tx) { tx.put_setting("after", "ok"); });
    store->read([](Transaction& tx) { CHECK(tx.setting("after")); });
}
