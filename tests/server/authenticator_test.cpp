// Login tokens expire, station tokens work until revoked, and neither can be forged.
#include <catch2/catch.hpp>

#include <Poco/File.h>
#include <Poco/Path.h>
#include <Poco/TemporaryFile.h>

#include <atomic>
#include <thread>
#include <vector>

#include "server/auth/authenticator.h"
#include "server/auth/password.h"
#include "server/http/problem.h"

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
            tx.insert_user({0, unit_id, "tekniker", "technician", hash_password("riktig", 1000), true, 0});
            tx.insert_user({0, unit_id, "sluttet", "warehouse", hash_password("riktig", 1000), false, 0});
        });
    }
    ~StoreFixture() { Poco::File(dir).remove(true); }
};

const Timestamp noon{1795435200};   // 2026-11-22T12:00:00Z

}  // namespace

TEST_CASE("a login token is accepted until it expires and refused after") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    auto login = auth.login("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(login);
    CHECK(login->caller.role == "technician");
    CHECK(login->caller.unit_id == f.unit_id);
    CHECK(auth.authenticate(login->token, Timestamp{noon.unix_seconds + 59 * 60}));
    CHECK_FALSE(auth.authenticate(login->token, Timestamp{noon.unix_seconds + 60 * 60}));
}

TEST_CASE("a wrong password, an unknown user and a deactivated user cannot log in") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    CHECK_FALSE(auth.login("tekniker", "feil", "10.0.0.1", noon));
    CHECK_FALSE(auth.login("ukjent", "riktig", "10.0.0.1", noon));
    CHECK_FALSE(auth.login("sluttet", "riktig", "10.0.0.1", noon));
}

TEST_CASE("a token signed with another secret or altered is refused") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    Authenticator other(*f.store, "another-secret", 60);
    auto login = other.login("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(login);
    CHECK_FALSE(auth.authenticate(login->token, noon));
    auto mine = auth.login("tekniker", "riktig", "10.0.0.1", noon);
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

namespace {
// 429 (locked out), 401 (wrong), or 200 for one attempt.
int attempt(Authenticator& auth, const std::string& password, const std::string& address, Timestamp at) {
    try {
        return auth.login("tekniker", password, address, at) ? 200 : 401;
    } catch (const ApiError& e) {
        return e.status;
    }
}
}  // namespace

TEST_CASE("five wrong passwords from one address lock that username there, a success clears the count") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    for (int i = 0; i < 4; ++i) CHECK(attempt(auth, "feil", "10.0.0.1", noon) == 401);
    CHECK(attempt(auth, "riktig", "10.0.0.1", noon) == 200);   // resets
    for (int i = 0; i < 5; ++i) CHECK(attempt(auth, "feil", "10.0.0.1", noon) == 401);
    CHECK(attempt(auth, "riktig", "10.0.0.1", noon) == 429);   // even the right password waits
    CHECK(attempt(auth, "riktig", "10.0.0.2", noon) == 200);   // another address is not locked out
}

TEST_CASE("a locked-out address waits a minute, then longer after each further failure") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    for (int i = 0; i < 5; ++i) attempt(auth, "feil", "10.0.0.1", noon);
    CHECK(attempt(auth, "feil", "10.0.0.1", Timestamp{noon.unix_seconds + 59}) == 429);
    CHECK(attempt(auth, "feil", "10.0.0.1", Timestamp{noon.unix_seconds + 60}) == 401);   // the sixth failure
    CHECK(attempt(auth, "riktig", "10.0.0.1", Timestamp{noon.unix_seconds + 60 + 119}) == 429);
    CHECK(attempt(auth, "riktig", "10.0.0.1", Timestamp{noon.unix_seconds + 60 + 120}) == 200);
}

TEST_CASE("the lockout is kept in the store: a new Authenticator (a restart) still refuses") {
    StoreFixture f;
    {
        Authenticator before(*f.store, "secret-for-test", 60);
        for (int i = 0; i < 5; ++i) attempt(before, "feil", "10.0.0.1", noon);
    }
    Authenticator after(*f.store, "secret-for-test", 60);
    CHECK(attempt(after, "riktig", "10.0.0.1", noon) == 429);
}

TEST_CASE("a token made before a password change or a deactivation is refused after it") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    auto login = auth.login("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(login);
    REQUIRE(auth.authenticate(login->token, noon));
    f.store->write([&](db::Transaction& tx) {
        auto user = tx.user_by_name("tekniker");
        ++user->token_version;
        tx.update_user(*user);
    });
    CHECK_FALSE(auth.authenticate(login->token, noon));
    auto again = auth.login("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(again);
    CHECK(auth.authenticate(again->token, noon));
}

TEST_CASE("a browser session ends at logout and when the user's token version is raised") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    auto in = auth.start_session("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(in);
    auto caller = auth.authenticate_session(in->cookie_token, noon);
    REQUIRE(caller);
    CHECK(caller->csrf_token == in->csrf_token);
    CHECK_FALSE(auth.authenticate_session(in->cookie_token, Timestamp{noon.unix_seconds + 60 * 60}));   // expired
    auth.end_session(in->cookie_token, noon);
    CHECK_FALSE(auth.authenticate_session(in->cookie_token, noon));
    auto second = auth.start_session("tekniker", "riktig", "10.0.0.1", noon);
    f.store->write([&](db::Transaction& tx) {
        auto user = tx.user_by_name("tekniker");
        ++user->token_version;
        tx.update_user(*user);
    });
    CHECK_FALSE(auth.authenticate_session(second->cookie_token, noon));
}

TEST_CASE("a login with a hash of fewer iterations replaces it with one of the current count") {
    StoreFixture f;   // its users were hashed with 1,000 iterations
    Authenticator auth(*f.store, "secret-for-test", 60);
    REQUIRE(auth.login("tekniker", "riktig", "10.0.0.1", noon));
    std::string stored;
    f.store->read([&](db::Transaction& tx) { stored = tx.user_by_name("tekniker")->password_hash; });
    CHECK(stored.rfind("pbkdf2-sha256$" + std::to_string(password_iterations()) + "$", 0) == 0);
    CHECK(verify_password("riktig", stored));
    CHECK(auth.login("tekniker", "riktig", "10.0.0.1", noon));
}

TEST_CASE("token checks from many threads at once never crash the process (OpenSSL is set up once, not per check)",
          "[race]") {
    StoreFixture f;
    Authenticator auth(*f.store, "secret-for-test", 60);
    auto login = auth.login("tekniker", "riktig", "10.0.0.1", noon);
    REQUIRE(login);
    std::atomic<int> accepted{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&] {
            for (int i = 0; i < 50000; ++i) {
                if (auth.authenticate(login->token, noon)) ++accepted;
            }
        });
    }
    for (auto& thread : threads) thread.join();
    CHECK(accepted == 4 * 50000);
}
