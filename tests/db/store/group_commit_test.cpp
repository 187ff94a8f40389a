// Group commit (issue 9): writes that arrive while a commit runs share the next one; a write that
// throws is rolled back alone and the rest of its group commits without it; reads run on their own
// connections and do not wait for a write.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <functional>
#include <future>
#include <latch>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "db/sqlite/group_commit.h"
#include "db/sqlite/sqlite_store.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;
using namespace std::chrono_literals;

namespace {

// Waits (up to 10 s) until `count` writes are queued behind the group that is running.
template <class Queue>
void wait_until_waiting(Queue queue, std::size_t count) {
    const auto give_up = std::chrono::steady_clock::now() + 10s;
    while (queue() < count && std::chrono::steady_clock::now() < give_up) std::this_thread::sleep_for(1ms);
    REQUIRE(queue() == count);
}

}  // namespace

TEST_CASE("writes that arrive while a group commits share the next group, in arrival order") {
    std::mutex sizes_mutex;
    std::vector<std::size_t> sizes;
    std::latch release(1);
    std::atomic<bool> first{true};
    GroupCommit groups([&](std::span<GroupCommit::Pending* const> group) {
        if (first.exchange(false)) release.wait();   // the first group holds the commit until released
        std::lock_guard<std::mutex> lock(sizes_mutex);
        sizes.push_back(group.size());
    }, 256);
    const GroupCommit::Work nothing = [](Transaction&) {};
    std::thread leader([&] { groups.submit(nothing); });
    while (first) std::this_thread::sleep_for(1ms);
    std::vector<std::thread> followers;
    for (int i = 0; i < 5; ++i) followers.emplace_back([&] { groups.submit(nothing); });
    wait_until_waiting([&] { return groups.waiting(); }, 5);
    release.count_down();
    leader.join();
    for (auto& follower : followers) follower.join();
    CHECK(sizes == std::vector<std::size_t>{1, 5});
}

TEST_CASE("a group is never larger than its limit: the rest waits for the next group") {
    std::vector<std::size_t> sizes;
    std::latch release(1);
    std::atomic<bool> first{true};
    GroupCommit groups([&](std::span<GroupCommit::Pending* const> group) {
        if (first.exchange(false)) release.wait();
        sizes.push_back(group.size());   // groups run one at a time: no lock needed
    }, 2);
    const GroupCommit::Work nothing = [](Transaction&) {};
    std::thread leader([&] { groups.submit(nothing); });
    while (first) std::this_thread::sleep_for(1ms);
    std::vector<std::thread> followers;
    for (int i = 0; i < 5; ++i) followers.emplace_back([&] { groups.submit(nothing); });
    wait_until_waiting([&] { return groups.waiting(); }, 5);
    release.count_down();
    leader.join();
    for (auto& follower : followers) follower.join();
    CHECK(sizes == std::vector<std::size_t>{1, 2, 2, 1});
}

TEST_CASE("one write of a group that throws is rolled back alone, and the writes before and after it commit") {
    TempFolder folder;
    auto opened = open_sqlite_store(folder.file("bhm.sqlite"));
    auto& store = dynamic_cast<SqliteStore&>(*opened);
    World world = make_world(store);

    std::latch holding(1), release(1);
    std::thread leader([&] {
        store.write([&](Transaction& tx) {
            tx.put_setting("leader", "done");
            holding.count_down();
            release.wait();
        });
    });
    holding.wait();
    std::optional<bool> later_saw_failed;
    std::atomic<bool> refused{false};
    std::thread before([&] { store.write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-G1")); }); });
    wait_until_waiting([&] { return store.waiting_writes(); }, 1);
    std::thread failing([&] {
        try {
            store.write([&](Transaction& tx) {
                tx.insert_device(make_device(world, "SN-2", "BHM-G2"));
                throw std::runtime_error("this scan is refused");
            });
        } catch (const std::runtime_error&) {
            refused = true;
        }
    });
    wait_until_waiting([&] { return store.waiting_writes(); }, 2);
    std::thread after([&] {
        store.write([&](Transaction& tx) {
            later_saw_failed = tx.device_by_asset_tag("BHM-G2").has_value();
            tx.insert_device(make_device(world, "SN-3", "BHM-G3"));
        });
    });
    wait_until_waiting([&] { return store.waiting_writes(); }, 3);
    release.count_down();
    for (auto* thread : {&leader, &before, &failing, &after}) thread->join();

    CHECK(refused);
    REQUIRE(later_saw_failed.has_value());
    CHECK_FALSE(*later_saw_failed);
    store.read([&](Transaction& tx) {
        CHECK(tx.setting("leader"));
        CHECK(tx.device_by_asset_tag("BHM-G1"));
        CHECK_FALSE(tx.device_by_asset_tag("BHM-G2"));
        CHECK(tx.device_by_asset_tag("BHM-G3"));
    });
}

TEST_CASE("a duplicate key in one write of a group fails that write only") {
    TempFolder folder;
    auto opened = open_sqlite_store(folder.file("bhm.sqlite"));
    auto& store = dynamic_cast<SqliteStore&>(*opened);
    World world = make_world(store);
    store.write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-D1")); });

    std::latch holding(1), release(1);
    std::thread leader([&] {
        store.write([&](Transaction&) {
            holding.count_down();
            release.wait();
        });
    });
    holding.wait();
    std::atomic<bool> duplicate{false};
    std::thread taken([&] {
        try {
            store.write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-1", "BHM-D1")); });
        } catch (const DuplicateKey&) {
            duplicate = true;
        }
    });
    wait_until_waiting([&] { return store.waiting_writes(); }, 1);
    std::thread fresh([&] { store.write([&](Transaction& tx) { tx.insert_device(make_device(world, "SN-2", "BHM-D2")); }); });
    wait_until_waiting([&] { return store.waiting_writes(); }, 2);
    release.count_down();
    for (auto* thread : {&leader, &taken, &fresh}) thread->join();
    CHECK(duplicate);
    store.read([&](Transaction& tx) { CHECK(tx.device_by_asset_tag("BHM-D2")); });
}

TEST_CASE("a read does not wait for a write in progress, and does not see it") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    store->write([](Transaction& tx) { tx.put_setting("k", "committed"); });

    std::latch holding(1), release(1);
    std::thread writer([&] {
        store->write([&](Transaction& tx) {
            tx.put_setting("k", "uncommitted");
            holding.count_down();
            release.wait();
        });
    });
    holding.wait();
    auto seen = std::async(std::launch::async, [&] {
        std::optional<std::string> value;
        store->read([&](Transaction& tx) { value = tx.setting("k"); });
        return value;
    });
    const bool answered = seen.wait_for(10s) == std::future_status::ready;
    release.count_down();
    writer.join();
    REQUIRE(answered);
    CHECK(seen.get() == std::optional<std::string>("committed"));
    store->read([](Transaction& tx) { CHECK(tx.setting("k") == std::optional<std::string>("uncommitted")); });
}

TEST_CASE("a read nested inside a write is refused: it would not see the write's own changes") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    CHECK_THROWS_AS(store->write([&](Transaction&) { store->read([](Transaction&) {}); }), std::logic_error);
    CHECK_THROWS_AS(store->read([&](Transaction&) { store->read([](Transaction&) {}); }), std::logic_error);
}

TEST_CASE("what a write leaves for after its commit runs on its own caller's thread once committed, and never for "
          "a write that was rolled back") {
    TempFolder folder;
    auto opened = open_sqlite_store(folder.file("bhm.sqlite"));
    auto& store = dynamic_cast<SqliteStore&>(*opened);

    std::mutex ran_mutex;
    std::vector<std::string> ran;
    const auto note = [&](const std::string& what) {
        std::lock_guard<std::mutex> lock(ran_mutex);
        ran.push_back(what);
    };
    std::atomic<bool> committed_before_it_ran{false};
    std::thread::id ran_on;
    const std::vector<std::function<void(Transaction&)>> works{
        [&](Transaction& tx) {
            tx.put_setting("kept", "yes");
            tx.after_commit([&] {
                ran_on = std::this_thread::get_id();
                // Committed: a read (another connection) already sees the write.
                store.read([&](Transaction& r) { committed_before_it_ran = r.setting("kept").has_value(); });
                note("kept");
            });
        },
        [&](Transaction& tx) {
            tx.put_setting("refused", "yes");
            tx.after_commit([&] { note("refused"); });
            throw std::runtime_error("this write is refused");
        },
    };
    const auto errors = store.write_each(works);
    REQUIRE(errors.size() == 2);
    CHECK_FALSE(errors[0]);
    CHECK(errors[1]);
    CHECK(ran == std::vector<std::string>{"kept"});
    CHECK(committed_before_it_ran);
    CHECK(ran_on == std::this_thread::get_id());
}
