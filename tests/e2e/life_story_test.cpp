// Issue #3 "Tests": one device's whole life over the real API, step after step, each step checked
// where it happens and the audit trail checked at the end (who, in which order, which scan).
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "shared/core/norway_time.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

// Deadlines and due dates count from the day in Norway, not in UTC (shared/core/norway_time.h).
std::string norway_day(const std::string& iso_time) {
    auto at = bhm::parse_iso_timestamp(iso_time);
    REQUIRE(at);
    return bhm::to_iso(bhm::local_date(*at));
}

bool listed(const ApiResponse& loans, long long loan_id) {
    for (const auto& item : *loans.array())
        if (item.extract<Poco::JSON::Object::Ptr>()->getValue<Poco::Int64>("id") == loan_id) return true;
    return false;
}

std::string without_replayed(const ApiResponse& answer) {
    Poco::JSON::Object::Ptr copy = new Poco::JSON::Object(*answer.object());
    copy->remove("replayed");
    return to_json(copy);
}

}  // namespace

TEST_CASE("a CPAP device is received, refused while uninspected, lent under an approved application and returned, "
          "and its history shows every step in order",
          "[e2e][story]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto technician = login(server, "technician");
    auto scanner = station(server);
    auto model = model_of_category(warehouse, "cpap");

    // Received at the station by the manufacturer's GS1 DataMatrix (AI 21 then GS then AI 10).
    const std::string serial = new_serial();
    const std::string receive_id = new_scan_id();
    auto received = post_scan(scanner, "receive", gs1_device_label(text_of(model, "gtin"), serial, "LOT7"), "",
                              receive_id);
    INFO("receive: " << received.describe());
    REQUIRE(received.status == 200);
    REQUIRE(received.text("result") == "ok");
    auto device = received.object()->getObject("device");
    REQUIRE(text_of(device, "state") == "received");
    REQUIRE(text_of(device, "serial") == serial);
    const long long device_id = id_of(device);
    const std::string asset_tag = text_of(device, "asset_tag");
    REQUIRE(asset_tag.rfind("BHM", 0) == 0);
    const std::string device_path = "/api/v1/devices/" + std::to_string(device_id);

    // A GP may not apply for CPAP (the procedure's appendix, exceptions).
    auto gp = caseworker.post("/api/v1/cases", application_body("cpap", 1, "gp"));
    require_problem(gp, 422, "requester_not_allowed");
    CHECK_FALSE(gp.text("rule").empty());

    // A specialist's application, approved with grounds and a 30-day loan, and the journal note.
    auto created = specialist_application(caseworker, "cpap", 1);
    const long long case_id = id_of(created);
    const std::string case_number = text_of(created, "number");
    const std::string case_path = "/api/v1/cases/" + std::to_string(case_id);
    Poco::JSON::Object::Ptr approve = new Poco::JSON::Object;
    approve->set("approve", true);
    approve->set("grounds", "Obstruktiv søvnapné, AHI 34; CPAP-behandling startet og tilpasset.");
    approve->set("loan_days", 30);
    auto decided = caseworker.post(case_path + "/decision", approve);
    INFO("decision: " << decided.describe());
    REQUIRE(decided.status == 200);
    REQUIRE(text_of(decided.object(), "status") == "approved");
    auto decision = decided.object()->getObject("decision");
    REQUIRE(decision);
    auto complaint = decision->getObject("complaint");
    REQUIRE(complaint);
    CHECK(text_of(complaint, "authority") == "Statsforvalteren");
    CHECK(text_of(complaint, "law").find("§ 7-2") != std::string::npos);
    CHECK(text_of(complaint, "deadline") == add_days(norway_day(text_of(decision, "decided_at")), 28));

    auto noted = caseworker.post(case_path + "/journal-note", R"({"hpr_number":"1234567"})");
    INFO("journal note: " << noted.describe());
    REQUIRE(noted.status == 200);
    REQUIRE(text_of(noted.object()->getObject("journal_note"), "hpr_number") == "1234567");

    // Picking the uninspected device for the case is refused and changes nothing.
    const auto events_before = device_events(warehouse, device_id)->size();
    const auto version_before = id_of(warehouse.get(device_path).object(), "version");
    auto early_issue = post_scan(scanner, "issue", asset_tag, case_number);
    INFO("early issue: " << early_issue.describe());
    CHECK(early_issue.status >= 400);
    CHECK(early_issue.status < 500);
    CHECK(early_issue.content_type == "application/problem+json");
    const auto early_code = early_issue.text("code");
    CHECK((early_code == "inspection_missing" || early_code == "device_not_available"));
    CHECK(early_issue.text("result") != "ok");
    auto unchanged = warehouse.get(device_path).object();
    CHECK(text_of(unchanged, "state") == "received");
    CHECK(id_of(unchanged, "version") == version_before);
    CHECK(unchanged->isNull("reserved_case_id"));
    CHECK(device_events(warehouse, device_id)->size() == events_before);

    // Cleaning, then an IEC 62353 inspection within the limits for the model's class and applied part.
    auto cleaned = warehouse.post(device_path + "/cleaning", "");
    INFO("cleaning: " << cleaned.describe());
    REQUIRE(cleaned.status == 200);
    CHECK(cleaned.object()->getValue<bool>("cleaned"));
    register_e2e_instrument(technician);
    auto inspected = technician.post(device_path + "/inspections", passing_inspection(model));
    INFO("inspection: " << inspected.describe());
    REQUIRE(inspected.status == 201);
    CHECK(inspected.object()->getValue<bool>("passed"));
    CHECK(text_of(inspected.object()->getObject("device"), "state") == "available");

    // Now the issue scan picks it: reserved for this case.
    const std::string issue_id = new_scan_id();
    auto issued = post_scan(scanner, "issue", asset_tag, case_number, issue_id);
    INFO("issue: " << issued.describe());
    REQUIRE(issued.status == 200);
    REQUIRE(issued.text("result") == "ok");
    auto reserved = issued.object()->getObject("device");
    CHECK(text_of(reserved, "state") == "reserved");
    CHECK(id_of(reserved, "reserved_case_id") == case_id);

    // Delivery is refused until the site's electrical installation is documented (FOR-2013-11-29-1373 § 9).
    Poco::JSON::Object::Ptr delivery = new Poco::JSON::Object;
    delivery->set("device_id", device_id);
    delivery->set("handover", "discharge");
    delivery->set("manual_included", true);
    delivery->set("training_recorded", true);
    delivery->set("trained", "patient and spouse");
    delivery->set("fitted_and_tested", true);
    auto refused = caseworker.post(case_path + "/deliveries", delivery);
    require_problem(refused, 422, "site_check_missing");
    CHECK(refused.text("rule").find("FOR-2013-11-29-1373") != std::string::npos);
    CHECK(text_of(warehouse.get(device_path).object(), "state") == "reserved");

    Poco::JSON::Object::Ptr site_check = new Poco::JSON::Object;
    site_check->set("documented_by", "Elektro Nord AS");
    site_check->set("checked_on", utc_date(-1));
    site_check->set("document_ref", "EL-E2E-117");
    auto checked = caseworker.post(case_path + "/site-checks", site_check);
    INFO("site check: " << checked.describe());
    REQUIRE(checked.status == 200);
    CHECK(checked.object()->getArray("site_checks")->size() == 1);

    auto delivered = caseworker.post(case_path + "/deliveries", delivery);
    INFO("delivery: " << delivered.describe());
    REQUIRE(delivered.status == 201);
    const long long loan_id = id_of(delivered.object());
    const std::string due_on = text_of(delivered.object(), "due_on");
    CHECK(due_on == add_days(norway_day(text_of(delivered.object(), "delivered_at")), 30));
    CHECK(text_of(delivered.object()->getObject("device"), "state") == "on_loan");
    CHECK(text_of(delivered.object()->getObject("case"), "status") == "delivered");

    // The overdue list shows the loan only once its due date has passed.
    auto later = caseworker.get("/api/v1/loans/overdue?as_of=" + add_days(due_on, 1));
    INFO("overdue later: " << later.describe());
    REQUIRE(later.status == 200);
    CHECK(listed(later, loan_id));
    auto today = caseworker.get("/api/v1/loans/overdue");
    INFO("overdue today: " << today.describe());
    REQUIRE(today.status == 200);
    CHECK_FALSE(listed(today, loan_id));

    // The return scan by our asset tag; the same scan id again is answered the same and applied once.
    const std::string return_id = new_scan_id();
    auto returned = post_scan(warehouse, "return", asset_tag, "", return_id);
    INFO("return: " << returned.describe());
    REQUIRE(returned.status == 200);
    REQUIRE(returned.text("result") == "ok");
    CHECK(returned.text("replayed") == "false");
    CHECK(text_of(returned.object()->getObject("device"), "state") == "returned");
    auto again = post_scan(warehouse, "return", asset_tag, "", return_id);
    INFO("return again: " << again.describe());
    REQUIRE(again.status == returned.status);
    CHECK(again.text("replayed") == "true");
    CHECK(without_replayed(again) == without_replayed(returned));
    CHECK(text_of(warehouse.get(device_path).object(), "state") == "returned");

    // The audit trail: every step, in order, with the actor, and the scan id where a scan caused it.
    auto events = device_events(warehouse, device_id);
    struct Step {
        std::string kind, actor, scan_id;
    };
    const std::string station_actor = "station:" + server.station_name();
    const std::vector<Step> expected{{"received", station_actor, receive_id},
                                     {"record_cleaning", "warehouse", ""},
                                     {"pass_inspection", "technician", ""},
                                     {"reserve", station_actor, issue_id},
                                     {"deliver", "caseworker", ""},
                                     {"take_return", "warehouse", return_id}};
    std::string kinds;
    int returns = 0;
    std::size_t next = 0;
    long long last_event_id = 0;
    for (const auto& item : *events) {
        auto event = item.extract<Poco::JSON::Object::Ptr>();
        const auto kind = text_of(event, "kind");
        kinds += kind + " ";
        CHECK(id_of(event) > last_event_id);
        last_event_id = id_of(event);
        if (kind == "take_return") ++returns;
        if (next < expected.size() && kind == expected[next].kind) {
            INFO("event " << to_json(event));
            CHECK(text_of(event, "actor") == expected[next].actor);
            CHECK(text_of(event, "scan_id") == expected[next].scan_id);
            ++next;
        }
    }
    INFO("history kinds: " << kinds);
    CHECK(next == expected.size());
    CHECK(returns == 1);
}
