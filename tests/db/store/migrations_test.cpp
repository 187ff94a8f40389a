// The schema comes from the embedded migrations: each applies once, is recorded with its version,
// runs whole or not at all, and the connection runs in WAL mode with synchronous=FULL.
#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "db/migrations.h"
#include "db/sql_row.h"
#include "db/sqlite/sqlite_store.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using bhm::db::testing::TempFolder;

namespace {

Poco::Data::Session raw_session(const std::string& path) {
    Poco::Data::SQLite::Connector::registerConnector();
    return Poco::Data::Session("SQLite", path);
}

std::int64_t count(Poco::Data::Session& session, const std::string& sql) {
    return sql::query(session, sql)[0].integer("n");
}

}  // namespace

TEST_CASE("the embedded migrations start at version 1 with the initial schema") {
    const auto& migrations = embedded_migrations();
    REQUIRE_FALSE(migrations.empty());
    CHECK(migrations.front().version == 1);
    CHECK(migrations.front().name == "initial");
    CHECK(migrations.front().sql.find("CREATE TABLE devices") != std::string::npos);
}

TEST_CASE("opening a new store applies every migration once and records its version") {
    TempFolder folder;
    const std::string path = folder.file("bhm.sqlite");
    open_sqlite_store(path);
    open_sqlite_store(path);  // re-open: nothing is applied twice

    auto session = raw_session(path);
    auto rows = sql::query(session, "SELECT version, name, applied_at FROM schema_migrations ORDER BY version");
    REQUIRE(rows.size() == embedded_migrations().size());
    CHECK(rows[0].integer("version") == 1);
    CHECK(rows[0].text("name") == "initial");
    CHECK(parse_iso_timestamp(rows[0].text("applied_at")).has_value());
    for (const char* table : {"regions", "units", "warehouses", "locations", "users", "stations", "settings",
                              "categories", "category_consumables", "models", "devices", "patients", "cases",
                              "site_checks", "loans", "inspections", "service_orders", "events", "scans",
                              "journal_notes", "test_instruments"}) {
        INFO(table);
        CHECK(count(session, std::string("SELECT COUNT(*) AS n FROM sqlite_master WHERE type = 'table' AND name = '") +
                                 table + "'") == 1);
    }
}

TEST_CASE("the store creates the folder of its file when it is missing") {
    TempFolder folder;
    const std::string path = folder.file("var/data/bhm.sqlite");
    open_sqlite_store(path);
    CHECK(std::filesystem::exists(path));
}

TEST_CASE("a later migration is applied on the next open, and only that one") {
    TempFolder folder;
    const std::string path = folder.file("bhm.sqlite");
    open_sqlite_store(path);
    auto session = raw_session(path);
    std::vector<Migration> migrations = embedded_migrations();
    const int next = migrations.back().version + 1;
    migrations.push_back({next, "add_colour", "ALTER TABLE devices ADD COLUMN colour TEXT;"});
    CHECK(apply_migrations(session, migrations, Timestamp{0}) == std::vector<int>{next});
    CHECK(apply_migrations(session, migrations, Timestamp{0}).empty());
    CHECK(count(session, "SELECT COUNT(*) AS n FROM schema_migrations") ==
          static_cast<std::int64_t>(embedded_migrations().size()) + 1);
}

TEST_CASE("a migration that fails halfway leaves no trace and is not recorded") {
    TempFolder folder;
    const std::string path = folder.file("bhm.sqlite");
    open_sqlite_store(path);
    auto session = raw_session(path);
    std::vector<Migration> migrations = embedded_migrations();
    const int next = migrations.back().version + 1;
    migrations.push_back({next, "broken", "CREATE TABLE half_done (id INTEGER); INSERT INTO no_such_table VALUES (1);"});
    CHECK_THROWS_WITH(apply_migrations(session, migrations, Timestamp{0}),
                      Catch::Contains(std::to_string(next) + "_broken"));
    CHECK(count(session, "SELECT COUNT(*) AS n FROM sqlite_master WHERE name = 'half_done'") == 0);
    CHECK(count(session, "SELECT COUNT(*) AS n FROM schema_migrations WHERE version = " + std::to_string(next)) == 0);
}

TEST_CASE("migrations out of version order are refused") {
    TempFolder folder;
    auto session = raw_session(folder.file("bhm.sqlite"));
    std::vector<Migration> migrations{{2, "second", "CREATE TABLE b (id INTEGER);"},
                                      {1, "first", "CREATE TABLE a (id INTEGER);"}};
    CHECK_THROWS_AS(apply_migrations(session, migrations, Timestamp{0}), std::logic_error);
}

TEST_CASE("the store runs in WAL mode with synchronous=FULL, foreign keys and a busy timeout") {
    TempFolder folder;
    const std::string path = folder.file("bhm.sqlite");
    auto store = open_sqlite_store(path);
    auto& sqlite = dynamic_cast<SqliteStore&>(*store);
    const SqlitePragmas pragmas = sqlite.pragmas();
    CHECK(pragmas.journal_mode == "wal");
    CHECK(pragmas.synchronous == 2);
    CHECK(pragmas.foreign_keys);
    CHECK(pragmas.busy_timeout_ms >= 1000);
    // WAL is a property of the file: a second connection sees it too.
    auto session = raw_session(path);
    CHECK(sql::query(session, "PRAGMA journal_mode")[0].text("journal_mode") == "wal");
}
