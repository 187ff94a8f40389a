// Issue 14, patient data (Normen), through the real server: reads of a patient's national ID or address
// are logged and listed for managers; national IDs are caught however they are written, in every free-text
// and name field; identifiers refuse hidden characters; another unit's device is not described by a refusal;
// and no log line of a whole run carries a patient's national ID or name.
#include <catch2/catch.hpp>

#include <Poco/Data/SQLite/Connector.h>
#include <Poco/Data/Session.h>

#include <set>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;
using namespace Poco::Data::Keywords;

namespace {

std::string case_path(const Poco::JSON::Object::Ptr& c) { return "/api/v1/cases/" + std::to_string(id_of(c)); }

std::string site_check_body(const std::string& documented_by = "Elektro AS", const std::string& ref = "EL-1") {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("documented_by", documented_by);
    body->set("checked_on", utc_date(-3));
    body->set("document_ref", ref);
    return to_json(body);
}

Poco::JSON::Object::Ptr device_body(const Poco::JSON::Object::Ptr& model, const std::string& serial) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("gtin", text_of(model, "gtin"));
    body->set("serial", serial);
    return body;
}

std::vector<Poco::JSON::Object::Ptr> all_access_entries(const ApiClient& manager) {
    std::vector<Poco::JSON::Object::Ptr> entries;
    std::string cursor;
    for (int pages = 0; pages < 100; ++pages) {
        auto page = manager.get("/api/v1/patient-access-log?limit=2" + (cursor.empty() ? "" : "&cursor=" + cursor));
        INFO(page.describe());
        REQUIRE(page.status == 200);
        for (const auto& item : *page.object()->getArray("items"))
            entries.push_back(item.extract<Poco::JSON::Object::Ptr>());
        if (page.object()->isNull("next_cursor")) break;
        cursor = page.object()->getValue<std::string>("next_cursor");
    }
    return entries;
}

}  // namespace

TEST_CASE("every view of a patient's national ID or address is in the unit's access log, read by managers only",
          "[e2e][privacy][normen]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto warehouse = login(server, "warehouse");
    auto before = all_access_entries(manager).size();

    auto created = specialist_application(caseworker, "cpap", 4101);                        // 1: POST /cases
    const std::string path = case_path(created);
    const std::string national_id = text_of(created->getObject("patient"), "national_id");
    REQUIRE(caseworker.get(path).status == 200);                                          // 2: GET /cases/{id}
    REQUIRE(caseworker.post(path + "/site-checks", site_check_body()).status == 200);     // 3: a case command
    auto by_manager = manager.get(path);                                                   // 4: the manager too
    REQUIRE(by_manager.status == 200);
    CHECK(by_manager.object()->getArray("site_checks")->getObject(0)->has("address"));

    // The warehouse sees neither the identity nor the site check's address, and nothing is logged for it.
    auto by_warehouse = warehouse.get(path);
    REQUIRE(by_warehouse.status == 200);
    CHECK(by_warehouse.body.find(national_id) == std::string::npos);
    CHECK_FALSE(by_warehouse.object()->getArray("site_checks")->getObject(0)->has("address"));
    CHECK(warehouse.get("/api/v1/cases?limit=500").body.find("\"address\"") == std::string::npos);

    auto entries = all_access_entries(manager);   // paged two at a time: the cursor is followed
    REQUIRE(entries.size() == before + 4);
    std::vector<std::string> routes, actors;
    for (std::size_t i = before; i < entries.size(); ++i) {
        const auto& e = entries[i];
        routes.push_back(text_of(e, "route"));
        actors.push_back(text_of(e, "actor"));
        CHECK(id_of(e, "case_id") == id_of(created));
        CHECK(text_of(e, "case_number") == text_of(created, "number"));
        CHECK(text_of(e, "fields") == "national_id,name,address");
        CHECK_FALSE(text_of(e, "at").empty());
    }
    CHECK(routes == std::vector<std::string>{"POST /api/v1/cases", "GET " + path, "POST " + path + "/site-checks",
                                             "GET " + path});
    CHECK(actors == std::vector<std::string>{"caseworker", "caseworker", "caseworker", "manager"});
    // The log names cases, never the patient's identity.
    CHECK(manager.get("/api/v1/patient-access-log?limit=500").body.find(national_id) == std::string::npos);

    // Who may read it: managers and admins of the unit; the log of unit 1 is not another unit's.
    CHECK(login(server, "admin").get("/api/v1/patient-access-log").status == 200);
    require_problem(caseworker.get("/api/v1/patient-access-log"), 403);
    require_problem(warehouse.get("/api/v1/patient-access-log"), 403);
    require_problem(ApiClient(server.port()).get("/api/v1/patient-access-log"), 401);
}

TEST_CASE("a national ID is refused in free text however it is written, and in every name and identifier field",
          "[e2e][privacy][normen]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto c = specialist_application(caseworker, "cpap", 4201);
    const std::string variants[] = {
        "pasient 191238-37110",
        "pasient 19.12.38.371.10",
        "pasient 191238   37110",
        "pasient \xEF\xBC\x91\xEF\xBC\x99\xEF\xBC\x91\xEF\xBC\x92\xEF\xBC\x93\xEF\xBC\x98\xEF\xBC\x93\xEF\xBC\x97"
        "\xEF\xBC\x91\xEF\xBC\x91\xEF\xBC\x90",
        "pasient \xD9\xA1\xD9\xA9\xD9\xA1\xD9\xA2\xD9\xA3\xD9\xA8\xD9\xA3\xD9\xA7\xD9\xA1\xD9\xA1\xD9\xA0",
        "pasient 191238\xE2\x80\x8B" "37110",
        "pasient 191238\xC2\xA0" "37110",
        "pasient 191238/37110",
        "pasient 191238\xE2\x80\x93" "37110",
        "pasient 19123837110",
    };
    for (const auto& text : variants) {
        INFO(text);
        Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
        body->set("approve", true);
        body->set("grounds", text);
        body->set("loan_days", 90);
        require_problem(caseworker.post(case_path(c) + "/decision", body), 422, "national_id_in_text");
    }
    CHECK(text_of(caseworker.get(case_path(c)).object(), "status") == "applied");

    // The fields the issue names: the site check's documented_by and document_ref, a station's name,
    // a device's serial, a test instrument's identity.
    require_problem(caseworker.post(case_path(c) + "/site-checks", site_check_body("191238 37110")), 422,
                    "national_id_in_text");
    require_problem(caseworker.post(case_path(c) + "/site-checks", site_check_body("Elektro AS", "19123837110")), 422,
                    "national_id_in_text");
    auto admin = login(server, "admin");
    require_problem(admin.post("/api/v1/stations", R"({"name":"191238-37110"})"), 422, "national_id_in_text");
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    require_problem(warehouse.post("/api/v1/devices", device_body(model, "19123837110")), 422, "national_id_in_text");
    require_problem(post_scan(warehouse, "receive", gs1_device_label(text_of(model, "gtin"), "19123837110")), 422,
                    "national_id_in_text");
    auto technician = login(server, "technician");
    Poco::JSON::Object::Ptr instrument = new Poco::JSON::Object;
    instrument->set("identity", "191238.37110");
    instrument->set("calibrated_on", utc_date(-30));
    require_problem(technician.post("/api/v1/instruments", instrument), 422, "national_id_in_text");
    // A login named by a national ID would put it into every event it makes.
    require_problem(admin.post("/api/v1/users", R"({"username":"19123837110","role":"warehouse","password":"a-long-password-1"})"),
                    422, "national_id_in_text");
    CHECK(admin.get("/api/v1/users").body.find("19123837110") == std::string::npos);
}

TEST_CASE("identifiers with hidden characters are refused, so one device is not received twice under look-alike serials",
          "[e2e][privacy][normen]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    const std::string serial = new_serial();
    REQUIRE(warehouse.post("/api/v1/devices", device_body(model, serial)).status == 201);
    for (const std::string& look_alike : {serial + "\xE2\x80\x8B", "\xE2\x80\xAE" + serial, serial.substr(0, 3) +
                                          "\xE2\x80\x8D" + serial.substr(3), serial + "\xC2\xA0"}) {
        INFO(look_alike);
        auto answer = warehouse.post("/api/v1/devices", device_body(model, look_alike));
        require_problem(answer, 422, "identifier_hidden_character");
        CHECK(answer.text("detail").find("serial number") != std::string::npos);
        // A scan: the GS1 parser already refuses bytes outside the GS1 character set in AI 21.
        auto scanned = post_scan(warehouse, "receive", gs1_device_label(text_of(model, "gtin"), look_alike));
        require_problem(scanned, 422);
        CHECK((scanned.text("code") == "unreadable_code" || scanned.text("code") == "identifier_hidden_character"));
    }
    int with_serial = 0;
    for (const auto& device : all_devices(warehouse))
        if (text_of(device, "serial").find(serial.substr(3)) != std::string::npos) ++with_serial;
    CHECK(with_serial == 1);

    auto admin = login(server, "admin");
    require_problem(admin.post("/api/v1/stations", "{\"name\":\"lager-1\\u202e\"}"), 422, "identifier_hidden_character");
    require_problem(admin.post("/api/v1/stations", "{\"name\":\" lager-1\"}"), 422, "identifier_edge_space");
    auto technician = login(server, "technician");
    Poco::JSON::Object::Ptr instrument = new Poco::JSON::Object;
    instrument->set("identity", "Fluke ESA615 \xE2\x81\xA0#9");
    instrument->set("calibrated_on", utc_date(-30));
    require_problem(technician.post("/api/v1/instruments", instrument), 422, "identifier_hidden_character");
}

TEST_CASE("a serial another unit owns is refused without that unit's asset tag or state, by POST and by scan",
          "[e2e][privacy][normen]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto model = model_of_category(warehouse, "cpap");
    const std::string serial = new_serial();
    auto received = warehouse.post("/api/v1/devices", device_body(model, serial));
    REQUIRE(received.status == 201);
    const std::string tag = received.text("asset_tag");
    const std::string state = received.text("state");
    REQUIRE_FALSE(tag.empty());

    auto warehouse2 = login(server, "warehouse2");
    auto by_post = warehouse2.post("/api/v1/devices", device_body(model, serial));
    require_problem(by_post, 409, "serial_registered");
    auto by_scan = post_scan(warehouse2, "receive", gs1_device_label(text_of(model, "gtin"), serial));
    require_problem(by_scan, 409, "serial_registered");
    for (const auto* answer : {&by_post, &by_scan}) {
        INFO(answer->describe());
        CHECK(answer->body.find(tag) == std::string::npos);
        CHECK(answer->body.find(state) == std::string::npos);
        CHECK(answer->body.find("UNN") == std::string::npos);
        CHECK(answer->text("detail").find("transfer") != std::string::npos);   // says what to do instead
    }
    // The owning unit is still told which of its own devices it is.
    auto again = warehouse.post("/api/v1/devices", device_body(model, serial));
    require_problem(again, 409, "already_received");
    CHECK(again.text("detail").find(tag) != std::string::npos);
}

TEST_CASE("no log line of a whole run of flows carries a patient's national ID or name", "[e2e][privacy][normen]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto manager = login(server, "manager");
    auto admin = login(server, "admin");
    auto warehouse2 = login(server, "warehouse2");
    auto model = model_of_category(warehouse, "cpap");
    register_e2e_instrument(technician);

    // The demo's cases, read by everyone who may and may not see the patient.
    auto listed = caseworker.get("/api/v1/cases?limit=500");
    REQUIRE(listed.status == 200);
    int reads = 0;
    for (const auto& item : *listed.object()->getArray("items")) {
        const auto path = "/api/v1/cases/" + std::to_string(id_of(item.extract<Poco::JSON::Object::Ptr>()));
        for (const auto* client : {&caseworker, &manager, &warehouse, &technician, &warehouse2})
            client->get(path), ++reads;
        caseworker.get(path + "/history");
        if (reads > 150) break;
    }
    // New applications, decisions, paperwork, refusals that repeat the patient's data, a delivery.
    for (int patient = 4301; patient < 4306; ++patient) {
        auto c = approved_case(caseworker, "cpap", patient);
        const auto path = case_path(c);
        caseworker.post(path + "/journal-note", R"({"hpr_number":"1234567"})");
        caseworker.post(path + "/site-checks", site_check_body());
        caseworker.post("/api/v1/cases", application_body("cpap", patient));          // a second application
        caseworker.post("/api/v1/cases", application_body("cpap", patient, "gp"));    // refused by a rule
        const auto national_id = text_of(c->getObject("patient"), "national_id");
        caseworker.post(path + "/own-equipment", "{\"note\":\"pasient " + national_id + "\"}");   // refused
        auto device = ready_device(warehouse, technician, model);
        Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
        delivery->set("device_id", id_of(device));
        delivery->set("handover", "shipped");
        delivery->set("manual_included", true);
        delivery->set("training_recorded", true);
        delivery->set("trained", "pasient og ektefelle");
        delivery->set("fitted_and_tested", true);
        warehouse.post(path + "/deliveries", delivery);
    }
    // A sign-in that goes wrong.
    ApiClient(server.port()).post("/api/v1/auth/login", R"({"username":"caseworker","password":"wrong"})");
    manager.get("/api/v1/patient-access-log?limit=500");
    manager.get("/api/v1/reports/annual?year=2026");
    server.stop();

    Poco::Data::SQLite::Connector::registerConnector();
    std::vector<std::string> national_ids, names;
    {
        Poco::Data::Session db("SQLite", server.folder() + "/bhm.db");
        db << "SELECT national_id, name FROM patients", into(national_ids), into(names), now;
    }
    REQUIRE(national_ids.size() > 5);   // the demo's patients and this run's
    const std::string log = server.log_tail(std::string::npos) + server.printed();
    REQUIRE(log.find("/api/v1/cases") != std::string::npos);
    std::size_t lines = 0;
    for (char ch : log) lines += ch == '\n';
    INFO("log lines scanned: " << lines << ", patients: " << national_ids.size());
    REQUIRE(lines > 500);
    std::set<std::string> found;
    for (const auto& id : national_ids)
        if (log.find(id) != std::string::npos) found.insert("national ID " + id);
    for (const auto& name : names)
        if (name.size() > 3 && log.find(name) != std::string::npos) found.insert("name " + name);
    for (const auto& what : found) UNSCOPED_INFO(what);
    CHECK(found.empty());
}

// The request log's path and a failed sign-in's username are the client's own text: both pass through
// redact_national_ids (shared/people/personal_data.h) before they are logged.
TEST_CASE("a national ID typed as a username or put into a path does not reach the log", "[e2e][privacy][normen]") {
    ServerProcess server;
    ApiClient(server.port()).post("/api/v1/auth/login", R"({"username":"19123837110","password":"wrong"})");
    login(server, "caseworker").get("/api/v1/cases/19123837110");
    const std::string log = server.log_tail(std::string::npos);
    CHECK(log.find("19123837110") == std::string::npos);
}
