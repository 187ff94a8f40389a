// Every record type comes back from the Store exactly as it went in, optional fields both set and
// empty (NULL), so no service ever sees a value the database quietly changed.
#include <catch2/catch.hpp>

#include "store_fixture.h"

using namespace bhm;
using namespace bhm::db;
using namespace bhm::db::testing;

TEST_CASE("organisation records round-trip: regions, units, warehouses, locations, users, settings") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    store->write([&](Transaction& tx) {
        tx.insert_user({0, world.unit, "caseworker", "caseworker", "pbkdf2-sha256$1$00$00", false, 0});
        tx.put_setting("demo_loaded", "no");
        tx.put_setting("demo_loaded", "yes");  // upsert
    });
    store->read([&](Transaction& tx) {
        REQUIRE(tx.regions().size() == 1);
        CHECK(tx.regions()[0].code == "HN");
        CHECK(tx.regions()[0].name == "Helse Nord");
        auto unit = tx.unit(world.unit);
        REQUIRE(unit);
        CHECK(unit->region_id == world.region);
        CHECK(unit->code == "UNN");
        CHECK(unit->name == "Seksjon for behandlingshjelpemidler, UNN");
        CHECK(tx.units().size() == 1);
        CHECK_FALSE(tx.unit(999));
        REQUIRE(tx.warehouses(world.unit).size() == 1);
        CHECK(tx.warehouse(world.warehouse)->name == "Hovedlager");
        REQUIRE(tx.locations(world.warehouse).size() == 1);
        CHECK(tx.location(world.location)->code == "A-01");
        CHECK(tx.location(world.location)->warehouse_id == world.warehouse);
        auto user = tx.user_by_name("caseworker");
        REQUIRE(user);
        CHECK(user->unit_id == world.unit);
        CHECK(user->role == "caseworker");
        CHECK(user->password_hash == "pbkdf2-sha256$1$00$00");
        CHECK_FALSE(user->active);
        CHECK(tx.user(user->id)->username == "caseworker");
        CHECK_FALSE(tx.user_by_name("nobody"));
        CHECK(tx.setting("demo_loaded") == std::optional<std::string>("yes"));
        CHECK_FALSE(tx.setting("unset"));
    });
}

TEST_CASE("a scan station round-trips by token hash and keeps its first revocation time") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id id = 0;
    store->write([&](Transaction& tx) {
        id = tx.insert_station({0, world.unit, "demo-station", "ab12", at("2026-01-01T10:00:00Z"), std::nullopt, "admin"});
    });
    store->read([&](Transaction& tx) {
        auto station = tx.station_by_token_hash("ab12");
        REQUIRE(station);
        CHECK(station->id == id);
        CHECK(station->name == "demo-station");
        CHECK(station->created_at == at("2026-01-01T10:00:00Z"));
        CHECK_FALSE(station->revoked_at);
        CHECK(station->created_by == "admin");
        CHECK(tx.stations(world.unit).size() == 1);
    });
    store->write([&](Transaction& tx) {
        tx.revoke_station(id, at("2026-02-01T10:00:00Z"));
        tx.revoke_station(id, at("2026-03-01T10:00:00Z"));
    });
    store->read([&](Transaction& tx) { CHECK(tx.station(id)->revoked_at == at("2026-02-01T10:00:00Z")); });
    CHECK_THROWS_AS(store->write([&](Transaction& tx) { tx.revoke_station(777, at("2026-02-01T10:00:00Z")); }),
                    std::invalid_argument);
}

TEST_CASE("models and devices round-trip, with and without shelf, due date and reservation") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Device placed = make_device(world, "SN-1", "BHM-T1");
    placed.status = DeviceStatus{DeviceState::reserved, true, true, true};
    placed.reserved_case_id = world.case_id;
    Device bare = make_device(world, "SN-2", "BHM-T2");
    bare.warehouse_id.reset();
    bare.location_id.reset();
    bare.inspection_due.reset();
    bare.status = DeviceStatus{DeviceState::received, false, false, false};
    store->write([&](Transaction& tx) {
        placed.id = tx.insert_device(placed);
        bare.id = tx.insert_device(bare);
    });
    store->read([&](Transaction& tx) {
        auto model = tx.model(world.model);
        REQUIRE(model);
        CHECK(model->gtin == "07012345000019");
        CHECK(model->manufacturer == "Respira");
        CHECK(model->name == "SleepEase 10");
        CHECK(model->category == "cpap");
        CHECK(model->price_ore == 1250000);
        CHECK(model->protection_class == "II");
        CHECK(model->applied_part == "BF");
        CHECK(tx.model_by_gtin("07012345000019")->id == world.model);
        CHECK(tx.models().size() == 1);

        auto first = tx.device(placed.id);
        REQUIRE(first);
        CHECK(first->unit_id == world.unit);
        CHECK(first->model_id == world.model);
        CHECK(first->serial == "SN-1");
        CHECK(first->asset_tag == "BHM-T1");
        CHECK(first->warehouse_id == world.warehouse);
        CHECK(first->location_id == world.location);
        CHECK(first->status == placed.status);
        CHECK(first->inspection_due == on("2026-12-01"));
        CHECK(first->reserved_case_id == world.case_id);
        CHECK(first->received_at == placed.received_at);
        CHECK(first->version == 0);

        auto second = tx.device_by_model_serial(world.model, "SN-2");
        REQUIRE(second);
        CHECK_FALSE(second->warehouse_id);
        CHECK_FALSE(second->location_id);
        CHECK_FALSE(second->inspection_due);
        CHECK_FALSE(second->reserved_case_id);
        CHECK(second->status == bare.status);
        CHECK(tx.device_by_asset_tag("BHM-T2")->id == bare.id);
        CHECK_FALSE(tx.device_by_asset_tag("BHM-NONE"));
    });
}

TEST_CASE("patients, cases and site checks round-trip, before and after a decision") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Case applied;
    store->read([&](Transaction& tx) { applied = *tx.case_by_id(world.case_id); });
    CHECK(applied.number == "UNN-2026-000001");
    CHECK(applied.status == CaseStatus::applied);
    CHECK_FALSE(applied.decided_at);
    CHECK_FALSE(applied.approved);
    CHECK_FALSE(applied.complaint_deadline);
    CHECK_FALSE(applied.journal_written_at);
    CHECK_FALSE(applied.delivered_at);
    CHECK(applied.requester_hpr == "1234567");
    CHECK(applied.applied_at == at("2026-01-05T09:00:00Z"));

    Case decided = applied;
    decided.inpatient = true;
    decided.palliative = true;
    decided.nebulizer_criteria_met = true;
    decided.lymphoedema = "secondary";
    decided.status = CaseStatus::rejected;
    decided.decided_at = at("2026-01-07T12:30:00Z");
    decided.approved = false;
    decided.grounds = "Criteria not met";
    decided.decided_by = "caseworker";
    decided.loan_days = 90;
    decided.complaint_deadline = on("2026-02-04");
    decided.journal_hpr = "7654321";
    decided.journal_written_at = at("2026-01-06T08:00:00Z");
    decided.delivered_at = at("2026-01-08T08:00:00Z");
    decided.own_equipment = true;
    decided.own_equipment_note = "The nursing home's own concentrator";
    store->write([&](Transaction& tx) {
        tx.update_case(decided);
        tx.insert_site_check({0, world.case_id, "Elektro AS", on("2026-01-03"), "DOC-17",
                              at("2026-01-04T10:00:00Z"), "caseworker", "", std::nullopt, ""});
    });
    store->read([&](Transaction& tx) {
        auto stored = tx.case_by_number("UNN-2026-000001");
        REQUIRE(stored);
        CHECK(stored->inpatient);
        CHECK(stored->palliative);
        CHECK(stored->nebulizer_criteria_met);
        CHECK(stored->lymphoedema == "secondary");
        CHECK(stored->status == CaseStatus::rejected);
        CHECK(stored->decided_at == decided.decided_at);
        CHECK(stored->approved == std::optional<bool>(false));
        CHECK(stored->grounds == "Criteria not met");
        CHECK(stored->decided_by == "caseworker");
        CHECK(stored->loan_days == 90);
        CHECK(stored->complaint_deadline == decided.complaint_deadline);
        CHECK(stored->journal_hpr == "7654321");
        CHECK(stored->journal_written_at == decided.journal_written_at);
        CHECK(stored->delivered_at == decided.delivered_at);
        CHECK(stored->own_equipment);
        CHECK(stored->own_equipment_note == "The nursing home's own concentrator");
        CHECK(stored->version == 1);
        auto patient = tx.patient_by_national_id(world.unit, "01017000027");
        REQUIRE(patient);
        CHECK(patient->name == "Test Testesen");
        CHECK(patient->address == "Storgata 1");
        CHECK(patient->municipality == "Tromsø");
        CHECK(patient->residence == "home");
        CHECK(tx.patient(world.patient)->national_id == "01017000027");
        auto checks = tx.site_checks(world.case_id);
        REQUIRE(checks.size() == 1);
        CHECK(checks[0].documented_by == "Elektro AS");
        CHECK(checks[0].checked_on == on("2026-01-03"));
        CHECK(checks[0].document_ref == "DOC-17");
        CHECK(checks[0].recorded_at == at("2026-01-04T10:00:00Z"));
        CHECK(checks[0].recorded_by == "caseworker");
        CHECK(tx.cases(world.unit, CaseStatus::rejected, Page{}).size() == 1);
        CHECK(tx.cases(world.unit, CaseStatus::applied, Page{}).empty());
    });
}

TEST_CASE("loans round-trip open and returned, and the due and report queries find them") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Loan loan;
    store->write([&](Transaction& tx) {
        loan.unit_id = world.unit;
        loan.case_id = world.case_id;
        loan.device_id = tx.insert_device(make_device(world, "SN-1", "BHM-T1"));
        loan.delivered_at = at("2026-01-10T10:00:00Z");
        loan.due_on = on("2026-04-10");
        loan.handover = "shipped";
        loan.manual_included = true;
        loan.training_recorded = true;
        loan.fitted_and_tested = false;
        loan.trained_who = "patient and home-care nurse";
        loan.not_fitted_reason = "fitted at the clinic on 2026-01-09";
        loan.delivered_by = "warehouse";
        loan.id = tx.insert_loan(loan);
    });
    store->read([&](Transaction& tx) {
        auto open = tx.open_loan_for_device(loan.device_id);
        REQUIRE(open);
        CHECK(open->id == loan.id);
        CHECK(open->case_id == world.case_id);
        CHECK(open->delivered_at == loan.delivered_at);
        CHECK(open->due_on == loan.due_on);
        CHECK(open->handover == "shipped");
        CHECK(open->manual_included);
        CHECK(open->training_recorded);
        CHECK_FALSE(open->fitted_and_tested);
        CHECK(open->trained_who == "patient and home-care nurse");
        CHECK(open->not_fitted_reason == "fitted at the clinic on 2026-01-09");
        CHECK(open->delivered_by == "warehouse");
        CHECK_FALSE(open->returned_at);
        CHECK(tx.open_loans_due(world.unit, on("2026-04-10")).size() == 1);
        CHECK(tx.open_loans_due(world.unit, on("2026-04-09")).empty());
        CHECK(tx.loans_between(world.unit, at("2026-01-01T00:00:00Z"), at("2026-01-31T00:00:00Z")).size() == 1);
        // Still open in February: a report for February counts it as in use.
        CHECK(tx.loans_between(world.unit, at("2026-02-01T00:00:00Z"), at("2026-02-28T00:00:00Z")).size() == 1);
        CHECK(tx.loans_between(world.unit, at("2025-12-01T00:00:00Z"), at("2025-12-31T00:00:00Z")).empty());
    });
    loan.returned_at = at("2026-03-01T09:00:00Z");
    store->write([&](Transaction& tx) { tx.update_loan(loan); });
    store->read([&](Transaction& tx) {
        CHECK_FALSE(tx.open_loan_for_device(loan.device_id));
        CHECK(tx.loan(loan.id)->returned_at == loan.returned_at);
        CHECK(tx.loans_of_case(world.case_id).size() == 1);
        CHECK(tx.open_loans_due(world.unit, on("2026-12-31")).empty());
        CHECK(tx.loans_between(world.unit, at("2026-03-01T00:00:00Z"), at("2026-03-31T00:00:00Z")).size() == 1);
        CHECK(tx.loans_between(world.unit, at("2026-04-01T00:00:00Z"), at("2026-04-30T00:00:00Z")).empty());
    });
}

TEST_CASE("a device cannot be on two open loans at once") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    CHECK_THROWS_AS(store->write([&](Transaction& tx) {
        Loan loan{0, world.unit, world.case_id, tx.insert_device(make_device(world, "SN-1", "BHM-T1")),
                  at("2026-01-10T10:00:00Z"), on("2026-04-10"), "discharge", true, true, true, "patient", "", "w", {}, ""};
        tx.insert_loan(loan);
        tx.insert_loan(loan);
    }),
                    DuplicateKey);
}

TEST_CASE("inspections and service orders round-trip") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    Id device = 0, order_id = 0;
    store->write([&](Transaction& tx) {
        device = tx.insert_device(make_device(world, "SN-1", "BHM-T1"));
        tx.insert_inspection({0, device, at("2026-01-02T09:00:00Z"), true, "direct", "technician", "Fluke ESA615",
                              on("2025-09-01"), on("2027-01-02"), R"({"equipment_leakage_ua":12.5})"});
        tx.insert_inspection({0, device, at("2026-01-03T09:00:00Z"), false, "alternative", "technician", "Rigel 288",
                              on("2025-10-01"), std::nullopt, "{}"});
        order_id = tx.insert_service_order(
            {0, device, world.unit, at("2026-01-04T09:00:00Z"), "technician", "fan noise", "", "", {}, ""});
    });
    store->read([&](Transaction& tx) {
        auto inspections = tx.inspections(device);
        REQUIRE(inspections.size() == 2);
        CHECK(inspections[0].passed);
        CHECK(inspections[0].method == "direct");
        CHECK(inspections[0].instrument == "Fluke ESA615");
        CHECK(inspections[0].instrument_calibrated_on == on("2025-09-01"));
        CHECK(inspections[0].next_due == on("2027-01-02"));
        CHECK(inspections[0].details_json == R"({"equipment_leakage_ua":12.5})");
        CHECK_FALSE(inspections[1].passed);
        CHECK_FALSE(inspections[1].next_due);
        auto open = tx.open_service_order(device);
        REQUIRE(open);
        CHECK(open->fault == "fan noise");
        CHECK(open->opened_by == "technician");
        CHECK_FALSE(open->closed_at);
    });
    store->write([&](Transaction& tx) {
        auto order = *tx.service_order(order_id);
        order.work = "replaced fan";
        order.parts = "fan 12V";
        order.closed_at = at("2026-01-05T15:00:00Z");
        order.closed_by = "technician";
        tx.update_service_order(order);
    });
    store->read([&](Transaction& tx) {
        CHECK_FALSE(tx.open_service_order(device));
        auto closed = tx.service_order(order_id);
        CHECK(closed->work == "replaced fan");
        CHECK(closed->parts == "fan 12V");
        CHECK(closed->closed_at == at("2026-01-05T15:00:00Z"));
    });
}

TEST_CASE("events and answered scans round-trip, with and without device and case") {
    TempFolder folder;
    auto store = open_sqlite_store(folder.file("bhm.sqlite"));
    World world = make_world(*store);
    store->write([&](Transaction& tx) {
        tx.append_event({0, world.unit, std::nullopt, world.case_id, at("2026-01-05T09:00:00Z"), "caseworker", "", "",
                         "case_applied", "", "applied", R"({"category":"cpap"})"});
        tx.insert_scan_answer({"3f1c9a2e-0000-4000-8000-000000000001", world.unit, "demo-station", 409,
                               R"({"title":"conflict"})", at("2026-01-05T09:01:00Z"), ""});
    });
    store->read([&](Transaction& tx) {
        auto events = tx.case_events(world.case_id);
        REQUIRE(events.size() == 1);
        CHECK_FALSE(events[0].device_id);
        CHECK(events[0].case_id == world.case_id);
        CHECK(events[0].at == at("2026-01-05T09:00:00Z"));
        CHECK(events[0].actor == "caseworker");
        CHECK(events[0].kind == "case_applied");
        CHECK(events[0].after_state == "applied");
        CHECK(events[0].data_json == R"({"category":"cpap"})");
        auto answer = tx.scan_answer("3f1c9a2e-0000-4000-8000-000000000001");
        REQUIRE(answer);
        CHECK(answer->station == "demo-station");
        CHECK(answer->http_status == 409);
        CHECK(answer->body_json == R"({"title":"conflict"})");
        CHECK(answer->answered_at == at("2026-01-05T09:01:00Z"));
        CHECK_FALSE(tx.scan_answer("unknown"));
    });
    CHECK_THROWS_AS(store->write([&](Transaction& tx) {
        tx.insert_scan_answer({"3f1c9a2e-0000-4000-8000-000000000001", world.unit, "x", 200, "{}",
                               at("2026-01-05T09:02:00Z"), ""});
    }),
                    DuplicateKey);
}
