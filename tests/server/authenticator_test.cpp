// Login tokens expire, station tokens work until revoked, and neither can be forged.
#include <catch2/catch.hpp>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include "server/auth/authenticator.h"
#include "server/auth/password.h"

using namespace bhm;
using namespace bhm::server;

namespace {

struct StoreFixture {
    std::string dir = Poco::TemporaryFile::tempName();
    std::unique_ptr<db::Store> store;
    db::Id unit_id = 0;
    StoreFixture() {
        Poco::File(dir).createDirectories();
        store = db::open_sqlite_store(dir + "/auth.db");
        store->write([&](db::Transaction& tx) {
            auto region = tx.insert_region({0, "NORD", "Helse Nord"});
            unit_id = tx.insert_unit({0, region, "UNN", "BHM UNN"});
            tx.insert_user({0, unit_id, "tekniker", "technician", hash_password("riktig", 1000), true});
            tx.insert_user({0, unit_id, "sluttet", "warehouse", hash_password("riktig", 1000), false});
        });
    }
    ~StoreFixture() { Poco::File(dir).remove(true); }
};

const Timestamp noon{1795435200};   // 2026-11-22T12:00:00Z

}  // namespace

TEST_CASE("a login token is accepted until it expires and refused after") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    auto login = auth.login("tekniker", "riktig", noon);
    REQUIRE(login);
    CHECK(login->caller.role == "technician");
    CHECK(login->caller.unit_id == f.unit_id);
    CHECK(auth.authenticate(login->token, Timestamp{noon.unix_seconds + 59 * 60}));
    CHECK_FALSE(auth.authenticate(login->token, Timestamp{noon.unix_seconds + 60 * 60}));
}

TEST_CASE("a wrong password, an unknown user and a deactivated user cannot log in") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    CHECK_FALSE(auth.login("tekniker", "feil", noon));
    CHECK_FALSE(auth.login("ukjent", "riktig", noon));
    CHECK_FALSE(auth.login("sluttet", "riktig", noon));
}

TEST_CASE("a token signed with another secret or altered is refused") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    Authenticator other(*f.store, "another-secret", 60);
    auto login = other.login("tekniker", "riktig", noon);
    REQUIRE(login);
    CHECK_FALSE(auth.authenticate(login->token, noon));
    auto mine = auth.login("tekniker", "riktig", noon);
    std::string altered = mine->token;
    altered[altered.size() / 2] = altered[altered.size() / 2] == 'A' ? 'B' : 'A';
    CHECK_FALSE(auth.authenticate(altered, noon));
}

TEST_CASE("a station token works until an admin revokes it") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    const std::string token = random_token();
    db::Id station_id = 0;
    f.store->write([&](db::Transaction& tx) {
        station_id = tx.insert_station({0, f.unit_id, "lager-1", sha256_hex(token), noon, std::nullopt, "admin"});
    });
    auto caller = auth.authenticate(token, noon);
    REQUIRE(caller);
    CHECK(caller->kind == Caller::Kind::station);
    CHECK(caller->name == "lager-1");
    f.store->write([&](db::Transaction& tx) { tx.revoke_station(station_id, noon); });
    CHECK_FALSE(auth.authenticate(token, noon));
    CHECK_FALSE(auth.authenticate("not-a-token", noon));
}

TEST_CASE("five wrong passwords lock the username for fifteen minutes; a success clears the count") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    for (int i = 0; i < 4; ++i) CHECK_FALSE(auth.login("tekniker", "feil", noon));
    CHECK_FALSE(auth.locked_out("tekniker", noon));
    REQUIRE(auth.login("tekniker", "riktig", noon));   // resets
    for (int i = 0; i < 5; ++i) CHECK_FALSE(auth.login("tekniker", "feil", noon));
    CHECK(auth.locked_out("tekniker", noon));
    CHECK(auth.locked_out("tekniker", Timestamp{noon.unix_seconds + 14 * 60}));
    CHECK_FALSE(auth.locked_out("tekniker", Timestamp{noon.unix_seconds + 15 * 60}));
    CHECK_FALSE(auth.locked_out("sluttet", noon));
}
