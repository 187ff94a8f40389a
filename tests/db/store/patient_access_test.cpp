// The patient access log (migration 0007): rows per unit, paged by id, and append-only in the database itself.
#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "db/sql_row.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("the patient access log keeps who saw which case's patient, per unit, paged oldest first") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    auto world = make_world(*store);
    Id other_unit = 0;
    store->write([&](Transaction& tx) {
        other_unit = tx.insert_unit({0, world.region, "OUS", "Oslo"});
        for (int i = 0; i < 3; ++i)
            tx.append_patient_access({0, world.unit, at("2026-11-01T10:00:00Z"), "caseworker", "caseworker",
                                      world.patient, world.case_id, "GET /api/v1/cases/1", "national_id,name,address"});
    });
    store->read([&](Transaction& tx) {
        auto first = tx.patient_access_log(world.unit, Page{2, 0});
        REQUIRE(first.size() == 2);
        CHECK(first[0].actor == "caseworker");
        CHECK(first[0].case_id == world.case_id);
        CHECK(first[0].route == "GET /api/v1/cases/1");
        CHECK(first[0].fields == "national_id,name,address");
        CHECK(first[0].at == at("2026-11-01T10:00:00Z"));
        auto rest = tx.patient_access_log(world.unit, Page{2, first[1].id});
        CHECK(rest.size() == 1);
        CHECK(tx.patient_access_log(other_unit, Page{}).empty());
    });
}

TEST_CASE("the patient access log refuses updates and deletes, even in plain SQL") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    auto world = make_world(*store);
    store->write([&](Transaction& tx) {
        tx.append_patient_access({0, world.unit, at("2026-11-01T10:00:00Z"), "manager", "manager", world.patient,
                                  world.case_id, "GET /api/v1/cases/1", "national_id,name,address"});
    });
    store.reset();
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session db("SQLite", folder.file("bhm.sqlite"));
    CHECK_THROWS(sql::execute(db, "UPDATE patient_access_log SET actor = 'someone else'"));
    CHECK_THROWS(sql::execute(db, "DELETE FROM patient_access_log"));
    CHECK(sql::query(db, "SELECT actor FROM patient_access_log")[0].text("actor") == "manager");
}
