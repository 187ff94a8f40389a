// The Store's records for the weekly flows (migration 0003_flows): decisions as a list, complaints and their
// steps, deaths, pick-up tasks (one open per device), write-offs, transfers, and how a loan ended, including
// the migration's backfill of loans that ended before it (a loss at the patient's is not a return).
#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "db/migrations.h"
#include "db/sql_row.h"
#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("decisions are kept as a list, oldest first, with complaints and their steps") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    auto world = make_world(*store);
    store->write([&](Transaction& tx) {
        DecisionRecord first{0, world.case_id, "initial", false, "criteria not met", "caseworker",
                             at("2026-02-01T10:00:00Z"), 0, on("2026-03-01"), std::nullopt};
        first.id = tx.insert_decision(first);
        Complaint complaint{0, world.case_id, first.id, on("2026-02-20"), on("2026-03-01"), true, "wants it",
                            "received", at("2026-02-20T10:00:00Z"), "caseworker"};
        complaint.id = tx.insert_complaint(complaint);
        DecisionRecord second{0, world.case_id, "reassessment", true, "new facts", "caseworker",
                              at("2026-02-25T10:00:00Z"), 365, on("2026-03-25"), complaint.id};
        second.id = tx.insert_decision(second);
        tx.insert_complaint_step({0, complaint.id, "reassessed", on("2026-02-25"), "reversed", "new facts", second.id,
                                  at("2026-02-25T10:00:00Z"), "caseworker"});
        tx.update_complaint_status(complaint.id, "reversed");
    });
    store->read([&](Transaction& tx) {
        auto decisions = tx.decisions(world.case_id);
        REQUIRE(decisions.size() == 2);
        CHECK(decisions[0].kind == "initial");
        CHECK_FALSE(decisions[0].approved);
        CHECK(decisions[1].approved);
        CHECK(decisions[1].complaint_id);
        auto complaints = tx.complaints(world.case_id);
        REQUIRE(complaints.size() == 1);
        CHECK(complaints[0].status == "reversed");
        auto steps = tx.complaint_steps(complaints[0].id);
        REQUIRE(steps.size() == 1);
        CHECK(steps[0].decision_id == decisions[1].id);
    });
}

TEST_CASE("a device has at most one open pick-up task, and a loan keeps how it ended") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    auto world = make_world(*store);
    Id device = 0, loan_id = 0;
    store->write([&](Transaction& tx) {
        device = tx.insert_device(make_device(world, "S1", "BHM00000017"));
        Loan loan;
        loan.unit_id = world.unit;
        loan.case_id = world.case_id;
        loan.device_id = device;
        loan.delivered_at = at("2026-02-01T10:00:00Z");
        loan.due_on = on("2027-02-01");
        loan.handover = "shipped";
        loan_id = tx.insert_loan(loan);
        loan.id = loan_id;
        loan.returned_at = at("2026-05-01T10:00:00Z");
        loan.end_reason = "death";
        tx.update_loan(loan);
        tx.insert_pickup_task({0, world.unit, device, world.case_id, loan_id, "death", "", at("2026-05-01T10:00:00Z"),
                               "caseworker", std::nullopt, ""});
    });
    CHECK_THROWS_AS(store->write([&](Transaction& tx) {
        tx.insert_pickup_task({0, world.unit, device, world.case_id, loan_id, "review_return", "", at("2026-05-02T10:00:00Z"),
                               "caseworker", std::nullopt, ""});
    }), DuplicateKey);
    store->write([&](Transaction& tx) {
        auto open = tx.open_pickup_task_for_device(device);
        REQUIRE(open);
        tx.close_pickup_task(open->id, at("2026-05-03T10:00:00Z"), "warehouse");
        CHECK_THROWS_AS(tx.close_pickup_task(open->id, at("2026-05-03T10:00:00Z"), "warehouse"), StaleWrite);
        CHECK(tx.open_pickup_tasks(world.unit).empty());
        CHECK(tx.loan(loan_id)->end_reason == "death");
        tx.insert_write_off({0, world.unit, device, "cpap", "broken", loan_id, at("2026-06-01T10:00:00Z"), "manager"});
        CHECK(tx.write_offs_between(world.unit, at("2026-01-01T00:00:00Z"), at("2026-12-31T23:59:59Z")).size() == 1);
        CHECK(tx.write_offs_between(world.unit, at("2027-01-01T00:00:00Z"), at("2027-12-31T23:59:59Z")).empty());
        tx.insert_patient_death({world.patient, on("2026-04-30"), at("2026-05-01T10:00:00Z"), "caseworker"});
        CHECK(tx.patient_death(world.patient)->died_on == on("2026-04-30"));
        CHECK(tx.cases_of_patient(world.patient).size() == 1);
    });
}

TEST_CASE("the flows migration marks loans lost at the patient's as lost, not returned, and lists old decisions") {
    TempFolder folder;
    const std::string path = folder.file("bhm.sqlite");
    Poco::Data::SQLite::Connector::registerConnector();
    Poco::Data::Session session("SQLite", path);
    std::vector<Migration> first_only{embedded_migrations().front()};
    apply_migrations(session, first_only, Timestamp{0});
    sql::execute(session, "INSERT INTO regions (id, code, name) VALUES (1, 'HN', 'Helse Nord')");
    sql::execute(session, "INSERT INTO units (id, region_id, code, name) VALUES (1, 1, 'UNN', 'UNN')");
    sql::execute(session, "INSERT INTO categories VALUES ('cpap', 'CPAP', 'CPAP', 0, 1, 12, 365)");
    sql::execute(session, "INSERT INTO models VALUES (1, '07012345000019', 'R', 'S', 'cpap', 1, 'II', 'BF')");
    sql::execute(session, "INSERT INTO patients VALUES (1, 1, '01017000027', 'T', 'A', 'Tromsø', 'home')");
    sql::execute(session,
                 "INSERT INTO cases VALUES (1, 1, 'UNN-2026-000001', 1, 'cpap', 0, 0, 0, 'none', 'specialist_doctor', "
                 "'1234567', 'Dr', 'closed', '2026-01-05T09:00:00Z', '2026-01-06T09:00:00Z', 1, 'needed', 'cw', 365, "
                 "'2026-02-03', '1234567', '2026-01-06T09:00:00Z', '2026-01-07T09:00:00Z', 0, '', 3)");
    for (int d = 1; d <= 2; ++d) {
        sql::execute(session, "INSERT INTO devices VALUES (" + std::to_string(d) + ", 1, 1, 'S" + std::to_string(d) +
                                  "', 'TAG" + std::to_string(d) +
                                  "', NULL, NULL, 'lost', 0, 0, 0, NULL, NULL, '2026-01-01T00:00:00Z', 1)");
        sql::execute(session, "INSERT INTO loans VALUES (" + std::to_string(d) + ", 1, 1, " + std::to_string(d) +
                                  ", '2026-01-07T09:00:00Z', '2027-01-07', 'shipped', 1, 1, 1, 'p', '', 'w', "
                                  "'2026-03-01T09:00:00Z')");
    }
    sql::execute(session,
                 "INSERT INTO events (unit_id, device_id, case_id, at, actor, station, scan_id, kind, before_state, "
                 "after_state, data_json) VALUES (1, 2, 1, '2026-03-01T09:00:00Z', 'w', '', '', 'report_lost', "
                 "'on_loan', 'lost', '{\"loan_id\":2,\"note\":\"\"}')");
    apply_migrations(session, embedded_migrations(), Timestamp{0});
    CHECK(sql::query(session, "SELECT end_reason FROM loans WHERE id = 1")[0].text("end_reason") == "returned");
    CHECK(sql::query(session, "SELECT end_reason FROM loans WHERE id = 2")[0].text("end_reason") == "lost");
    auto decisions = sql::query(session, "SELECT kind, approved, complaint_deadline FROM decisions WHERE case_id = 1");
    REQUIRE(decisions.size() == 1);
    CHECK(decisions[0].text("kind") == "initial");
    CHECK(decisions[0].text("complaint_deadline") == "2026-02-03");
}
