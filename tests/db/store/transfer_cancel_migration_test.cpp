// Proves migration 0008: the rebuilt transfers table takes 'cancelled', keeps every transfer, and ends the
// pending transfers that earlier code left behind when the case's loan had ended (a dead end), with an event
// in both units' trails; a pending transfer whose case still has a loan out stays pending.
#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "db/migrations.h"
#include "db/sql_row.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("migration 0008 cancels pending transfers whose loan ended and keeps the others") {
    TempFolder folder;
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", folder.file("bhm.sqlite"));
    apply_migrations(session, {embedded_migrations().front()}, Timestamp{0});
    sql::execute(session, "INSERT INTO regions (id, code, name) VALUES (1, 'HN', 'Helse Nord'), (2, 'HV', 'Helse Vest')");
    sql::execute(session, "INSERT INTO units (id, region_id, code, name) VALUES (1, 1, 'UNN', 'UNN'), (2, 2, 'HUS', 'HUS')");
    sql::execute(session, "INSERT INTO categories VALUES ('cpap', 'CPAP', 'CPAP', 0, 1, 12, 365)");
    sql::execute(session, "INSERT INTO models VALUES (1, '07012345000019', 'R', 'S', 'cpap', 1, 'II', 'BF')");
    sql::execute(session, "INSERT INTO patients VALUES (1, 1, '01017000027', 'T', 'A', 'Tromsø', 'home')");
    for (int n = 1; n <= 2; ++n) {   // case 1: its loan came back; case 2: its device is still out
        const std::string id = std::to_string(n);
        sql::execute(session, "INSERT INTO cases VALUES (" + id + ", 1, 'UNN-2026-00000" + id +
                                  "', 1, 'cpap', 0, 0, 0, 'none', 'specialist_doctor', '1234567', 'Dr', '" +
                                  (n == 1 ? "closed" : "delivered") +
                                  "', '2026-01-05T09:00:00Z', '2026-01-06T09:00:00Z', 1, 'needed', 'cw', 365, "
                                  "'2026-02-03', '1234567', '2026-01-06T09:00:00Z', '2026-01-07T09:00:00Z', 0, '', 3)");
        sql::execute(session, "INSERT INTO devices VALUES (" + id + ", 1, 1, 'S" + id + "', 'TAG" + id + "', NULL, NULL, '" +
                                  (n == 1 ? "returned" : "on_loan") +
                                  "', 0, 0, 0, NULL, NULL, '2026-01-01T00:00:00Z', 1)");
        sql::execute(session, "INSERT INTO loans VALUES (" + id + ", 1, " + id + ", " + id +
                                  ", '2026-01-07T09:00:00Z', '2027-01-07', 'shipped', 1, 1, 1, 'p', '', 'w', " +
                                  (n == 1 ? "'2026-03-01T09:00:00Z'" : "NULL") + ")");
    }
    std::vector<Migration> before_0008;
    for (const auto& m : embedded_migrations())
        if (m.version < 8) before_0008.push_back(m);
    apply_migrations(session, before_0008, Timestamp{0});
    for (int n = 1; n <= 2; ++n) {
        const std::string id = std::to_string(n);
        sql::execute(session, "INSERT INTO transfers (id, case_id, loan_id, device_id, from_unit_id, to_unit_id, reason, "
                              "status, requested_at, requested_by, received_at, received_by) VALUES (" +
                                  id + ", " + id + ", " + id + ", " + id +
                                  ", 1, 2, 'moved', 'pending', '2026-02-01T09:00:00Z', 'cw', NULL, '')");
    }

    apply_migrations(session, embedded_migrations(), Timestamp{0});
    auto ended = sql::query(session, "SELECT status, cancel_reason, cancelled_by FROM transfers WHERE id = 1");
    REQUIRE(ended.size() == 1);
    CHECK(ended[0].text("status") == "cancelled");
    CHECK(ended[0].text("cancel_reason") == "loan ended");
    CHECK(sql::query(session, "SELECT status FROM transfers WHERE id = 2")[0].text("status") == "pending");
    auto trail = sql::query(session, "SELECT unit_id FROM events WHERE kind = 'transfer_cancelled' AND case_id = 1 "
                                     "ORDER BY unit_id");
    REQUIRE(trail.size() == 2);
    CHECK(trail[0].integer("unit_id") == 1);
    CHECK(trail[1].integer("unit_id") == 2);
    // The rebuilt table keeps its rules: one pending transfer per case, and 'cancelled' only with its time.
    CHECK_THROWS(sql::execute(session, "INSERT INTO transfers (case_id, loan_id, device_id, from_unit_id, to_unit_id, "
                                       "reason, status, requested_at, requested_by, received_at, received_by) VALUES "
                                       "(2, 2, 2, 1, 2, 'again', 'pending', '2026-02-02T09:00:00Z', 'cw', NULL, '')"));
    CHECK_THROWS(sql::execute(session, "UPDATE transfers SET status = 'cancelled' WHERE id = 2"));
}
