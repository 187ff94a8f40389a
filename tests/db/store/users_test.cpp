// A unit's logins: listed per unit, and role, password hash and active flag can be changed.
#include <catch2/catch.hpp>

#include "store_fixture.h"

using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("users are listed per unit and an update changes role, hash and active flag") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id other_unit = 0, kari = 0;
    store->write([&](Transaction& tx) {
        other_unit = tx.insert_unit({0, world.region, "OUS", "BHM OUS"});
        kari = tx.insert_user({0, world.unit, "kari", "warehouse", "hash-1", true, 0});
        tx.insert_user({0, world.unit, "ola", "technician", "hash-2", true, 0});
        tx.insert_user({0, other_unit, "per", "warehouse", "hash-3", true, 0});
    });
    store->write([&](Transaction& tx) {
        auto user = *tx.user(kari);
        user.role = "caseworker";
        user.password_hash = "hash-9";
        user.active = false;
        tx.update_user(user);
        CHECK_THROWS_AS(tx.update_user(User{999, world.unit, "nobody", "admin", "h", true, 0}), std::invalid_argument);
    });
    store->read([&](Transaction& tx) {
        auto users = tx.users(world.unit);
        REQUIRE(users.size() == 2);
        CHECK(users[0].username == "kari");
        CHECK(users[0].role == "caseworker");
        CHECK(users[0].password_hash == "hash-9");
        CHECK_FALSE(users[0].active);
        CHECK(users[1].username == "ola");
        CHECK(tx.users(other_unit).size() == 1);
    });
}
