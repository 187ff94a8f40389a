// Issue 12's rules over the real API: a delivery judged as of its time, one "inspection due", named
// training, national IDs (H-numbers, future birth dates), journal-note and site-check dates and the
// unit's site-check setting, append-only corrections, the free-text screen, the instrument register,
// no shelving while on loan, and 422 for a rule against 409 for a conflict.
#include <catch2/catch.hpp>

#include <chrono>
#include <ctime>
#include <set>
#include <thread>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include "api_client.h"
#include "server_process.h"
#include "shared/core/norway_time.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

std::string case_path(const Poco::JSON::Object::Ptr& c) { return "/api/v1/cases/" + std::to_string(id_of(c)); }
std::string device_path(const Poco::JSON::Object::Ptr& d) { return "/api/v1/devices/" + std::to_string(id_of(d)); }

Poco::JSON::Object::Ptr handover(long long device_id, const std::string& trained = "patient and spouse") {
    Poco::JSON::Object::Ptr d = new Poco::JSON::Object;
    d->set("device_id", device_id);
    d->set("handover", "shipped");
    d->set("manual_included", true);
    d->set("training_recorded", true);
    d->set("trained", trained);
    d->set("fitted_and_tested", true);
    return d;
}

// The journal note and a site check of three days ago for the patient's current address.
void paperwork(const ApiClient& caseworker, const std::string& path, const std::string& written_at = "") {
    auto noted = caseworker.post(path + "/journal-note", written_at.empty()
                                                             ? std::string(R"({"hpr_number":"1234567"})")
                                                             : R"({"hpr_number":"1234567","written_at":")" +
                                                                   written_at + R"("})");
    INFO("journal note: " << noted.describe());
    REQUIRE(noted.status == 200);
    auto checked = caseworker.post(path + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                              utc_date(-3) + R"(","document_ref":"EL-1"})");
    INFO("site check: " << checked.describe());
    REQUIRE(checked.status == 200);
}

std::string norway_today() {
    return bhm::to_iso(bhm::local_date(bhm::Timestamp{static_cast<std::int64_t>(std::time(nullptr))}));
}

Poco::JSON::Object::Ptr application_with_id(const std::string& national_id, int patient) {
    auto body = application_body("cpap", patient);
    body->getObject("patient")->set("national_id", national_id);
    return body;
}

}  // namespace

TEST_CASE("a delivery back-dated to before the device was received and inspected is refused",
          "[e2e][delivery][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto technician = login(server, "technician");
    auto c = approved_case(caseworker, "cpap", 1201);
    paperwork(caseworker, case_path(c), text_of(c, "applied_at"));
    const std::string decided_at = text_of(c->getObject("decision"), "decided_at");
    std::this_thread::sleep_for(std::chrono::milliseconds(2100));   // the device arrives later
    auto device = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));

    auto back_dated = handover(id_of(device));
    back_dated->set("delivered_at", decided_at);   // after the decision, before the device existed
    auto refused = warehouse.post(case_path(c) + "/deliveries", back_dated);
    require_problem(refused, 422);
    auto codes = reason_codes(refused);
    CHECK(codes.count("device_not_yet_received") == 1);
    CHECK(codes.count("inspection_missing_at_delivery") == 1);
    CHECK(text_of(warehouse.get(device_path(device)).object(), "state") == "available");

    auto now = warehouse.post(case_path(c) + "/deliveries", handover(id_of(device)));
    INFO(now.describe());
    CHECK(now.status == 201);
}

TEST_CASE("inspection_due_at_delivery: a delivery made on the inspection's due date is refused, and the due list shows the device as due that day",
          "[e2e][delivery][inspection][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto technician = login(server, "technician");
    auto device = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", 1202);
    paperwork(caseworker, case_path(c));
    {   // A year goes by: the inspection falls due today (the test moves the date, as time would).
        Poco::Data::SQLite::Connector::registerConnector();
        Poco::Data::Session db("SQLite", server.folder() + "/bhm.db");
        db << "PRAGMA busy_timeout = 5000", Poco::Data::Keywords::now;
        std::string today = norway_today();
        Poco::Int64 id = id_of(device);
        db << "UPDATE devices SET inspection_due = ? WHERE id = ?", Poco::Data::Keywords::use(today),
            Poco::Data::Keywords::use(id), Poco::Data::Keywords::now;
        // The inspection's own next due date is the one the delivery is judged on (the device's copy of it
        // feeds the due list); time moves both.
        db << "UPDATE inspections SET next_due = ? WHERE device_id = ?", Poco::Data::Keywords::use(today),
            Poco::Data::Keywords::use(id), Poco::Data::Keywords::now;
    }
    auto due = technician.get("/api/v1/inspections/due?within_days=0");
    REQUIRE(due.status == 200);
    bool listed = false;
    for (const auto& item : *due.array()) {
        auto d = item.extract<Poco::JSON::Object::Ptr>();
        if (id_of(d) != id_of(device)) continue;
        listed = true;
        CHECK(d->getValue<bool>("due"));
        CHECK_FALSE(d->getValue<bool>("overdue"));
    }
    CHECK(listed);
    auto refused = warehouse.post(case_path(c) + "/deliveries", handover(id_of(device)));
    require_problem(refused, 422);
    // One fact, one reason: judged as of the delivery (made now), not a second time on today's date.
    CHECK(reason_codes(refused) == std::set<std::string>{"inspection_due_at_delivery"});
}

TEST_CASE("training recorded with nobody named is refused", "[e2e][delivery][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto device = ready_device(warehouse, login(server, "technician"), model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", 1203);
    paperwork(caseworker, case_path(c));
    auto refused = warehouse.post(case_path(c) + "/deliveries", handover(id_of(device), ""));
    require_problem(refused, 422);
    CHECK(reason_codes(refused) == std::set<std::string>{"training_not_named"});
    CHECK(warehouse.post(case_path(c) + "/deliveries", handover(id_of(device), "home care nurse Kari")).status == 201);
}

TEST_CASE("a national ID with a future birth date is refused and an H-number is accepted", "[e2e][cases][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    require_problem(caseworker.post("/api/v1/cases", application_with_id("01063560045", 1204)), 422,
                    "national_id_birth_in_future");
    auto h_number = caseworker.post("/api/v1/cases", application_with_id("15438500100", 1205));
    INFO(h_number.describe());
    CHECK(h_number.status == 201);
    require_problem(caseworker.post("/api/v1/cases", application_with_id("15538500078", 1206)), 422,
                    "national_id_date");
}

TEST_CASE("a journal note dated before the application is refused, and a correction keeps the earlier note",
          "[e2e][cases][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 1207);
    require_problem(caseworker.post(case_path(c) + "/journal-note",
                                    R"({"hpr_number":"1234567","written_at":"1975-06-01T10:00:00Z"})"),
                    422, "journal_note_before_application");
    REQUIRE(caseworker.post(case_path(c) + "/journal-note", R"({"hpr_number":"1234567"})").status == 200);
    // A second note is a correction: without a reason it is refused, and the first stays in force.
    require_problem(caseworker.post(case_path(c) + "/journal-note", R"({"hpr_number":"7654321"})"), 422,
                    "correction_reason_missing");
    auto corrected = caseworker.post(case_path(c) + "/journal-note",
                                     R"({"hpr_number":"7654321","correction_reason":"Feil lege registrert"})");
    INFO(corrected.describe());
    REQUIRE(corrected.status == 200);
    auto view = caseworker.get(case_path(c)).object();
    CHECK(text_of(view->getObject("journal_note"), "hpr_number") == "7654321");
    auto notes = view->getArray("journal_notes");
    REQUIRE(notes);
    REQUIRE(notes->size() == 2);
    auto first = notes->getObject(0), second = notes->getObject(1);
    CHECK(text_of(first, "hpr_number") == "1234567");
    CHECK(id_of(second, "corrects") == id_of(first));
    CHECK(text_of(second, "correction_reason") == "Feil lege registrert");
    // And the trail keeps both.
    int note_events = 0;
    auto history = caseworker.get(case_path(c) + "/history");
    INFO(history.describe());
    REQUIRE(history.status == 200);
    auto events = history.object()->getArray("events");
    REQUIRE(events);
    for (const auto& e : *events) {
        auto kind = text_of(e.extract<Poco::JSON::Object::Ptr>(), "kind");
        if (kind == "journal_note" || kind == "journal_note_corrected") ++note_events;
    }
    CHECK(note_events == 2);
}

TEST_CASE("a site check for another address or older than the unit's setting is refused, naming the setting",
          "[e2e][cases][issue12]") {
    ServerProcess::Options options;
    options.environment["BHM_SITE_CHECK_MAX_YEARS"] = "1";
    ServerProcess server(options);
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 1208);
    auto old = caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                                   utc_date(-800) + R"(","document_ref":"EL-1"})");
    require_problem(old, 422, "site_check_too_old");
    CHECK(old.text("detail").find("BHM_SITE_CHECK_MAX_YEARS") != std::string::npos);
    CHECK(old.text("detail").find("unit's own policy") != std::string::npos);
    CHECK(old.text("detail").find("1 years") != std::string::npos);
    require_problem(caseworker.post(case_path(c) + "/site-checks",
                                    R"({"documented_by":"Elektro AS","checked_on":")" + utc_date(-3) +
                                        R"(","document_ref":"EL-2","address":"Et annet sted 99"})"),
                    422, "site_check_wrong_address");
    require_problem(caseworker.post(case_path(c) + "/site-checks",
                                    R"({"documented_by":"Elektro AS","checked_on":"1960-01-01","document_ref":"EL-3"})"),
                    422, "site_check_too_old");
    auto fine = caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                                    utc_date(-3) + R"(","document_ref":"EL-4"})");
    INFO(fine.describe());
    CHECK(fine.status == 200);
}

TEST_CASE("with the default setting a site check counts for five years", "[e2e][cases][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 1209);
    auto two_years = caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                                         utc_date(-800) + R"(","document_ref":"EL-1"})");
    INFO(two_years.describe());
    CHECK(two_years.status == 200);
    auto six_years = caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                                         utc_date(-2200) + R"(","document_ref":"EL-2"})");
    require_problem(six_years, 422, "site_check_too_old");
    CHECK(six_years.text("detail").find("5 years") != std::string::npos);
}

TEST_CASE("a corrected site check stays visible, marked superseded, and no longer counts", "[e2e][cases][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = approved_case(caseworker, "cpap", 1210);
    REQUIRE(caseworker.post(case_path(c) + "/site-checks", R"({"documented_by":"Elektro AS","checked_on":")" +
                                                               utc_date(-3) + R"(","document_ref":"EL-1"})").status == 200);
    auto first_id = id_of(caseworker.get(case_path(c)).object()->getArray("site_checks")->getObject(0));
    const std::string correction = R"({"documented_by":"Elektro AS","checked_on":")" + utc_date(-2) +
                                   R"(","document_ref":"EL-1b","corrects":)" + std::to_string(first_id);
    require_problem(caseworker.post(case_path(c) + "/site-checks", correction + "}"), 422, "correction_reason_missing");
    auto corrected = caseworker.post(case_path(c) + "/site-checks",
                                     correction + R"(,"correction_reason":"Feil dokumentnummer"})");
    INFO(corrected.describe());
    REQUIRE(corrected.status == 200);
    auto checks = caseworker.get(case_path(c)).object()->getArray("site_checks");
    REQUIRE(checks->size() == 2);
    CHECK(checks->getObject(0)->getValue<bool>("superseded"));
    CHECK_FALSE(checks->getObject(1)->getValue<bool>("superseded"));
    CHECK(id_of(checks->getObject(1), "corrects") == first_id);
}

TEST_CASE("a national ID in the decision grounds is refused and the case stays undecided", "[e2e][privacy][issue12]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = specialist_application(caseworker, "cpap", 1211);
    auto answer = caseworker.post(case_path(c) + "/decision",
                                  R"({"approve":true,"grounds":"Pasient )" + made_up_national_id(77) +
                                      R"( har søvnapné","loan_days":90})");
    require_problem(answer, 422, "national_id_in_text");
    CHECK(answer.text("detail").find("grounds") != std::string::npos);
    CHECK(text_of(caseworker.get(case_path(c)).object(), "status") == "applied");
    // The same check covers the delivery's free text.
    auto approved = approved_case(caseworker, "cpap", 1212);
    auto warehouse = login(server, "warehouse");
    auto device = ready_device(warehouse, login(server, "technician"), model_of_category(warehouse, "cpap"));
    paperwork(caseworker, case_path(approved));
    require_problem(warehouse.post(case_path(approved) + "/deliveries",
                                   handover(id_of(device), "pasient " + made_up_national_id(78))),
                    422, "national_id_in_text");
    CHECK(text_of(warehouse.get(device_path(device)).object(), "state") == "available");
}

TEST_CASE("an inspection with an unknown or out-of-calibration instrument is refused, the tester is the user",
          "[e2e][inspection][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto model = model_of_category(warehouse, "cpap");
    auto device = receive_by_scan(warehouse, model);
    REQUIRE(warehouse.post(device_path(device) + "/cleaning", "").status == 200);

    auto unknown = passing_inspection(model);
    unknown->set("instrument", "Ukjent måler 1");
    require_problem(technician.post(device_path(device) + "/inspections", unknown), 422, "instrument_unknown");

    auto registered = technician.post("/api/v1/instruments",
                                      R"({"identity":"Fluke ESA615 #2019","calibrated_on":"2019-05-01"})");
    INFO(registered.describe());
    REQUIRE(registered.status == 201);
    CHECK(registered.object()->getValue<int>("calibration_interval_months") == 12);
    auto old = passing_inspection(model);
    old->set("instrument", "Fluke ESA615 #2019");
    auto refused = technician.post(device_path(device) + "/inspections", old);
    require_problem(refused, 422, "instrument_out_of_calibration");
    CHECK(refused.text("rule").find("IEC 62353") != std::string::npos);
    CHECK(text_of(warehouse.get(device_path(device)).object(), "state") == "received");

    auto calibrated = technician.post("/api/v1/instruments/" + std::to_string(id_of(registered.object())) +
                                          "/calibrations",
                                      R"({"calibrated_on":")" + utc_date(-1) + R"("})");
    INFO(calibrated.describe());
    REQUIRE(calibrated.status == 200);
    old->set("tester", "Someone Else");   // not taken: the tester is the logged-in user
    auto passed = technician.post(device_path(device) + "/inspections", old);
    INFO(passed.describe());
    REQUIRE(passed.status == 201);
    CHECK(text_of(passed.object(), "tester") == "technician");
    CHECK(text_of(passed.object(), "instrument_calibrated_on") == utc_date(-1));
    require_problem(warehouse.post("/api/v1/instruments", R"({"identity":"X","calibrated_on":"2026-01-01"})"), 403);
}

TEST_CASE("a device on loan cannot be moved to a shelf", "[e2e][devices][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto device = ready_device(warehouse, login(server, "technician"), model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", 1213);
    paperwork(caseworker, case_path(c));
    REQUIRE(warehouse.post(case_path(c) + "/deliveries", handover(id_of(device))).status == 201);
    auto warehouses = warehouse.get("/api/v1/warehouses");
    REQUIRE(warehouses.status == 200);
    auto location = warehouses.array()->getObject(0)->getArray("locations")->getObject(0);
    auto moved = warehouse.send("PUT", device_path(device) + "/location",
                                R"({"location_id":)" + std::to_string(id_of(location)) + "}", true);
    require_problem(moved, 422, "device_on_loan");
    CHECK(text_of(warehouse.get(device_path(device)).object(), "state") == "on_loan");
}

TEST_CASE("an uninspected device is refused as a rule (422), a device reserved for another case is a conflict (409)",
          "[e2e][status][issue12]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto model = model_of_category(warehouse, "cpap");
    auto received = receive_by_scan(warehouse, model);
    auto c = approved_case(caseworker, "cpap", 1214);
    auto pick = warehouse.post(case_path(c) + "/reservation", R"({"device_id":)" + std::to_string(id_of(received)) + "}");
    require_problem(pick, 422, "device_not_available");
    auto scan = post_scan(warehouse, "issue", text_of(received, "asset_tag"), text_of(c, "number"));
    require_problem(scan, 422);
    CHECK(scan.text("result") == "refused");

    auto ready = ready_device(warehouse, login(server, "technician"), model);
    auto other = approved_case(caseworker, "cpap", 1215);
    REQUIRE(warehouse.post(case_path(other) + "/reservation", R"({"device_id":)" + std::to_string(id_of(ready)) + "}")
                .status == 200);
    require_problem(warehouse.post(case_path(c) + "/reservation", R"({"device_id":)" + std::to_string(id_of(ready)) + "}"),
                    409, "device_not_available");
}
