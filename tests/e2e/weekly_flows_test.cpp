// The weekly flows of issue 12 through the real server: loan review and extension, complaints with a
// reassessment and Statsforvalteren, death and pick-up, loss and write-off as their own report figures,
// exchange and visits at the home, transfer to another unit, and the second-device warning.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

bool lists_device(const Poco::JSON::Array::Ptr& items, long long device_id) {
    for (std::size_t i = 0; i < items->size(); ++i)
        if (items->getObject(static_cast<unsigned>(i))->getValue<long long>("device_id") == device_id) return true;
    return false;
}

// The UNN cpap row of this year's annual report, as a manager sees it.
Poco::JSON::Object::Ptr cpap_row(const ApiClient& manager) {
    auto row = annual_report_row(manager, std::stoi(utc_date().substr(0, 4)), "cpap");
    REQUIRE(row);
    return row;
}

int figure(const Poco::JSON::Object::Ptr& row, const std::string& name) { return row->getValue<int>(name); }

}  // namespace

TEST_CASE("a loan extended at review leaves the overdue list, with its reason in the trail", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 801, 30);
    const std::string loan_path = "/api/v1/loans/" + std::to_string(id_of(loan.loan));
    const std::string later = "/api/v1/loans/overdue?as_of=" + utc_date(40);
    REQUIRE(lists_device(warehouse.get(later).array(), id_of(loan.device)));

    require_problem(warehouse.post(loan_path + "/extension", R"({"due_on":")" + utc_date(400) + R"(","reason":"x"})"), 403);
    auto early = caseworker.post(loan_path + "/extension", R"({"due_on":")" + utc_date(10) + R"(","reason":"still needed"})");
    require_problem(early, 422, "extension_not_later");
    CHECK(early.text("rule") == "Prosedyre pkt. 10");
    require_problem(caseworker.post(loan_path + "/extension", R"({"due_on":")" + utc_date(400) +
                                                                  R"(","reason":"see )" + made_up_national_id(802) + R"("})"),
                    422, "national_id_in_text");
    require_problem(caseworker.post(loan_path + "/extension", R"({"due_on":"2027-13-01","reason":"x"})"), 400);

    auto extended = caseworker.post(loan_path + "/extension",
                                    R"({"due_on":")" + utc_date(400) + R"(","reason":"Still uses it every night."})");
    INFO(extended.describe());
    REQUIRE(extended.status == 200);
    CHECK(text_of(extended.object(), "due_on") == utc_date(400));
    CHECK_FALSE(lists_device(warehouse.get(later).array(), id_of(loan.device)));
    CHECK(lists_device(warehouse.get("/api/v1/loans/due?within_days=500").array(), id_of(loan.device)));
    auto events = device_events(warehouse, id_of(loan.device));
    REQUIRE(has_event(events, "loan_extended"));
}

TEST_CASE("starting the return at review puts the device on the pick-up list until it comes back", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 803);
    const std::string path = "/api/v1/loans/" + std::to_string(id_of(loan.loan)) + "/return-request";
    require_problem(caseworker.post(path, R"({"reason":" "})"), 422, "review_reason_missing");
    auto started = caseworker.post(path, R"({"reason":"No longer needed after the review."})");
    INFO(started.describe());
    REQUIRE(started.status == 201);
    CHECK(text_of(started.object(), "reason") == "review_return");
    require_problem(caseworker.post(path, R"({"reason":"again"})"), 409, "return_already_started");
    auto reminder = warehouse.get("/api/v1/loans/" + std::to_string(id_of(loan.loan))).object();
    CHECK(reminder->getValue<bool>("return_started"));
    CHECK(lists_device(warehouse.get("/api/v1/pickups").array(), id_of(loan.device)));
    CHECK_FALSE(lists_device(login(server, "warehouse2").get("/api/v1/pickups").array(), id_of(loan.device)));
    REQUIRE(warehouse.post(loan.device_path + "/return", "").status == 200);
    CHECK_FALSE(lists_device(warehouse.get("/api/v1/pickups").array(), id_of(loan.device)));
}

TEST_CASE("a complaint in time is reassessed and reverses the decision as a new decision entry", "[e2e][flows]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto created = specialist_application(caseworker, "cpap", 804);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(created));
    require_problem(caseworker.post(case_path + "/complaints", R"({"received_on":")" + utc_date() +
                                                                   R"(","summary":"too early"})"), 422, "case_not_decided");
    REQUIRE(caseworker.post(case_path + "/decision", R"({"approve":false,"grounds":"Criteria not met."})").status == 200);

    require_problem(caseworker.post(case_path + "/complaints", R"({"received_on":")" + utc_date(2) +
                                                                   R"(","summary":"x"})"), 422, "complaint_in_future");
    auto complaint = caseworker.post(case_path + "/complaints",
                                     R"({"received_on":")" + utc_date() + R"(","summary":"The patient disagrees."})");
    INFO(complaint.describe());
    REQUIRE(complaint.status == 201);
    CHECK(complaint.object()->getValue<bool>("within_deadline"));
    CHECK(text_of(complaint.object(), "deadline") == utc_date(28));
    const std::string complaint_path = "/api/v1/complaints/" + std::to_string(id_of(complaint.object()));
    require_problem(login(server, "warehouse").post(complaint_path + "/reassessment", R"({"reverse":true,"grounds":"x"})"), 403);
    require_problem(caseworker.post(complaint_path + "/forwarding", R"({"forwarded_on":")" + utc_date() + R"("})"), 422,
                    "complaint_not_upheld");

    auto reversed = caseworker.post(complaint_path + "/reassessment",
                                    R"({"reverse":true,"grounds":"New information from the specialist.","loan_days":200})");
    INFO(reversed.describe());
    REQUIRE(reversed.status == 200);
    CHECK(text_of(reversed.object(), "status") == "reversed");
    CHECK(text_of(reversed.object(), "case_status") == "approved");

    auto c = caseworker.get(case_path).object();
    CHECK(text_of(c, "status") == "approved");
    auto decisions = c->getArray("decisions");
    REQUIRE(decisions->size() == 2);
    CHECK_FALSE(decisions->getObject(0)->getValue<bool>("approved"));
    CHECK(text_of(decisions->getObject(0), "kind") == "initial");
    CHECK(decisions->getObject(1)->getValue<bool>("approved"));
    CHECK(text_of(decisions->getObject(1), "kind") == "reassessment");
    CHECK(c->getObject("decision")->getValue<bool>("approved"));
    CHECK(c->getObject("decision")->getValue<int>("loan_days") == 200);
    auto complaints = c->getArray("complaints");
    REQUIRE(complaints->size() == 1);
    CHECK(complaints->getObject(0)->getArray("steps")->size() == 1);
    // The warehouse sees that there was a complaint, not what the patient wrote.
    auto limited = login(server, "warehouse").get(case_path).object()->getArray("complaints")->getObject(0);
    CHECK_FALSE(limited->has("summary"));
    CHECK(text_of(limited, "status") == "reversed");
}

TEST_CASE("a complaint the unit keeps its decision on goes to Statsforvalteren, whose reversal is a new entry",
          "[e2e][flows]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    auto created = specialist_application(caseworker, "cpap", 805);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(created));
    REQUIRE(caseworker.post(case_path + "/decision", R"({"approve":false,"grounds":"Criteria not met."})").status == 200);
    auto complaint = caseworker.post(case_path + "/complaints",
                                     R"({"received_on":")" + utc_date() + R"(","summary":"The patient disagrees."})");
    REQUIRE(complaint.status == 201);
    require_problem(caseworker.post(case_path + "/complaints", R"({"received_on":")" + utc_date() +
                                                                   R"(","summary":"again"})"), 409, "complaint_already_open");
    const std::string complaint_path = "/api/v1/complaints/" + std::to_string(id_of(complaint.object()));
    REQUIRE(caseworker.post(complaint_path + "/reassessment", R"({"reverse":false,"grounds":"The criteria are not met."})")
                .status == 200);
    require_problem(caseworker.post(complaint_path + "/outcome", R"({"outcome":"reversed","decided_on":")" + utc_date() +
                                                                    R"(","grounds":"x"})"), 422, "complaint_not_forwarded");
    auto forwarded = caseworker.post(complaint_path + "/forwarding", R"({"forwarded_on":")" + utc_date() + R"("})");
    INFO(forwarded.describe());
    REQUIRE(forwarded.status == 200);
    CHECK(text_of(forwarded.object(), "status") == "forwarded");
    // A repeat of what is already done is a conflict (409), not a rule broken.
    require_problem(caseworker.post(complaint_path + "/forwarding", R"({"forwarded_on":")" + utc_date() + R"("})"), 409,
                    "complaint_already_forwarded");
    require_problem(caseworker.post(complaint_path + "/outcome", R"({"outcome":"maybe","decided_on":")" + utc_date() +
                                                                    R"(","grounds":"x"})"), 400);
    auto outcome = caseworker.post(complaint_path + "/outcome", R"({"outcome":"reversed","decided_on":")" + utc_date() +
                                                                    R"(","grounds":"The criteria are met."})");
    INFO(outcome.describe());
    REQUIRE(outcome.status == 200);
    CHECK(text_of(outcome.object(), "status") == "decided");
    require_problem(caseworker.post(complaint_path + "/outcome", R"({"outcome":"reversed","decided_on":")" + utc_date() +
                                                                    R"(","grounds":"again"})"), 409,
                    "complaint_already_decided");
    auto c = caseworker.get(case_path).object();
    CHECK(text_of(c, "status") == "approved");
    auto decisions = c->getArray("decisions");
    REQUIRE(decisions->size() == 2);
    CHECK(text_of(decisions->getObject(1), "kind") == "county_governor");
    CHECK(text_of(decisions->getObject(1), "decided_by") == "Statsforvalteren");
    auto steps = c->getArray("complaints")->getObject(0)->getArray("steps");
    REQUIRE(steps->size() == 3);
    CHECK(text_of(steps->getObject(2), "result") == "reversed");
}

TEST_CASE("a complaint after the four-week deadline is recorded as late, not refused", "[e2e][flows]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    // The demo history decides cases at past times: find one decided more than four weeks ago.
    std::string case_path, decided_on;
    for (const char* status : {"rejected", "approved", "delivered", "closed"}) {
        auto items = caseworker.get(std::string("/api/v1/cases?limit=500&status=") + status).object()->getArray("items");
        for (std::size_t i = 0; i < items->size() && case_path.empty(); ++i) {
            auto c = items->getObject(static_cast<unsigned>(i));
            auto decision = c->getObject("decision");
            if (!decision) continue;
            const std::string on = text_of(decision, "decided_at").substr(0, 10);
            if (on < utc_date(-40)) {
                case_path = "/api/v1/cases/" + std::to_string(id_of(c));
                decided_on = on;
            }
        }
    }
    REQUIRE_FALSE(case_path.empty());
    auto complaint = caseworker.post(case_path + "/complaints",
                                     R"({"received_on":")" + utc_date() + R"(","summary":"Late complaint."})");
    INFO(complaint.describe());
    REQUIRE(complaint.status == 201);
    CHECK_FALSE(complaint.object()->getValue<bool>("within_deadline"));
    CHECK(complaint.object()->getValue<int>("days_late") > 0);
    auto c = caseworker.get(case_path).object();
    REQUIRE(c->getArray("complaints")->size() == 1);
}

TEST_CASE("a patient's death ends the loan, closes the case and creates a pick-up task, ended by death is its own "
          "figure", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto before = cpap_row(manager);
    auto technician = login(server, "technician");
    auto loan = deliver_cpap(warehouse, technician, caseworker, 806);
    // A second application of the same patient, approved with a device picked: it must not wait forever.
    auto waiting = approved_case(caseworker, "oxygen_concentrator", 806);
    auto picked = ready_device(warehouse, technician, model_of_category(warehouse, "oxygen_concentrator"));
    REQUIRE(warehouse.post("/api/v1/cases/" + std::to_string(id_of(waiting)) + "/reservation",
                           R"({"device_id":)" + std::to_string(id_of(picked)) + "}").status == 200);
    const std::string patient_path = "/api/v1/patients/" + std::to_string(loan.c->getValue<long long>("patient_id"));
    require_problem(warehouse.post(patient_path + "/death", R"({"died_on":")" + utc_date() + R"("})"), 403);
    require_problem(caseworker.post(patient_path + "/death", R"({"died_on":")" + utc_date(3) + R"("})"), 422,
                    "death_in_future");
    auto death = caseworker.post(patient_path + "/death", R"({"died_on":")" + utc_date(-1) + R"("})");
    INFO(death.describe());
    REQUIRE(death.status == 201);
    REQUIRE(death.object()->getArray("pickup_tasks")->size() == 1);
    require_problem(caseworker.post(patient_path + "/death", R"({"died_on":")" + utc_date(-1) + R"("})"), 409,
                    "death_already_recorded");

    auto c = caseworker.get(loan.case_path).object();
    CHECK(text_of(c, "status") == "closed");
    CHECK(text_of(c, "patient_died_on") == utc_date(-1));
    CHECK(text_of(c->getArray("loans")->getObject(0), "end_reason") == "death");
    CHECK(text_of(caseworker.get("/api/v1/cases/" + std::to_string(id_of(waiting))).object(), "status") == "closed");
    CHECK(text_of(warehouse.get("/api/v1/devices/" + std::to_string(id_of(picked))).object(), "state") == "available");
    CHECK(lists_device(warehouse.get("/api/v1/pickups").array(), id_of(loan.device)));
    CHECK_FALSE(lists_device(warehouse.get("/api/v1/loans/overdue?as_of=" + utc_date(500)).array(), id_of(loan.device)));
    auto after = cpap_row(manager);
    CHECK(figure(after, "ended_by_death") == figure(before, "ended_by_death") + 1);
    CHECK(figure(after, "returns") == figure(before, "returns"));

    auto fetched = warehouse.post(loan.device_path + "/return", "");   // the pick-up: the device is back
    INFO(fetched.describe());
    REQUIRE(fetched.status == 200);
    CHECK(text_of(fetched.object()->getObject("device"), "state") == "returned");
    CHECK_FALSE(lists_device(warehouse.get("/api/v1/pickups").array(), id_of(loan.device)));
    CHECK(figure(cpap_row(manager), "returns") == figure(before, "returns"));
    require_problem(warehouse.post(loan.device_path + "/return", ""), 409, "device_not_on_loan");
}

TEST_CASE("lost at the patient's home is counted as lost, not as a return", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto manager = login(server, "manager");
    auto before = cpap_row(manager);
    auto loan = deliver_cpap(warehouse, login(server, "technician"), login(server, "caseworker"), 807);
    REQUIRE(warehouse.post(loan.device_path + "/lost", R"({"note":"not found after the move"})").status == 200);
    auto after = cpap_row(manager);
    CHECK(figure(after, "returns") == figure(before, "returns"));
    CHECK(figure(after, "lost_at_patient") == figure(before, "lost_at_patient") + 1);
    auto c = warehouse.get(loan.case_path).object();
    CHECK(text_of(c->getArray("loans")->getObject(0), "end_reason") == "lost");
}

TEST_CASE("a device is written off with a reason, ending its loan, the write-off is its own figure", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto manager = login(server, "manager");
    auto before = cpap_row(manager);
    auto loan = deliver_cpap(warehouse, login(server, "technician"), login(server, "caseworker"), 808);
    require_problem(warehouse.post(loan.device_path + "/write-off", R"({"reason":"broken"})"), 403);
    require_problem(manager.post(loan.device_path + "/write-off", R"({"reason":"  "})"), 422, "write_off_reason_missing");
    require_problem(manager.post(loan.device_path + "/write-off", R"({})"), 400);
    auto written_off = manager.post(loan.device_path + "/write-off", R"({"reason":"Destroyed in a house fire."})");
    INFO(written_off.describe());
    REQUIRE(written_off.status == 200);
    CHECK(text_of(written_off.object()->getObject("device"), "state") == "retired");
    require_problem(manager.post(loan.device_path + "/write-off", R"({"reason":"again"})"), 409, "device_retired");
    auto after = cpap_row(manager);
    CHECK(figure(after, "devices_written_off") == figure(before, "devices_written_off") + 1);
    CHECK(figure(after, "loans_written_off") == figure(before, "loans_written_off") + 1);
    CHECK(figure(after, "returns") == figure(before, "returns"));
    auto c = warehouse.get(loan.case_path).object();
    CHECK(text_of(c, "status") == "closed");
    CHECK(text_of(c->getArray("loans")->getObject(0), "end_reason") == "written_off");
    CHECK(has_event(device_events(warehouse, id_of(loan.device)), "device_written_off"));

    // A device in service that will not be repaired: the write-off closes its service order.
    auto technician = login(server, "technician");
    auto broken = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    const std::string broken_path = "/api/v1/devices/" + std::to_string(id_of(broken));
    auto order = technician.post(broken_path + "/service-orders", R"({"fault":"Motor burnt out"})");
    INFO(order.describe());
    REQUIRE(order.status == 201);
    REQUIRE(manager.post(broken_path + "/write-off", R"({"reason":"Not worth repairing."})").status == 200);
    auto closed = technician.get("/api/v1/service-orders/" + std::to_string(id_of(order.object())));
    INFO(closed.describe());
    REQUIRE(closed.status == 200);
    CHECK_FALSE(text_of(closed.object(), "closed_at").empty());
    CHECK(figure(cpap_row(manager), "devices_written_off") == figure(before, "devices_written_off") + 2);
}

TEST_CASE("an exchange at home sends device A to service and B out through the delivery gate, the case stays open",
          "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto loan = deliver_cpap(warehouse, technician, login(server, "caseworker"), 809);
    auto model = model_of_category(warehouse, "cpap");
    auto unready = receive_by_scan(warehouse, model);
    const std::string exchange = loan.case_path + "/exchanges";
    const std::string fault = R"(,"returning_device_id":)" + std::to_string(id_of(loan.device)) +
                              R"(,"fault":"Alarm sounds at start-up"})";

    auto refused = warehouse.post(exchange, delivery_body(id_of(unready)) + fault);
    require_problem(refused, refused.status);   // the gate's own answer (its status codes are another change's)
    CHECK(refused.status >= 400);
    CHECK(refused.body.find("inspection_missing") != std::string::npos);
    CHECK(text_of(warehouse.get(loan.device_path).object(), "state") == "on_loan");   // nothing half-done
    require_problem(login(server, "warehouse2").post(exchange, delivery_body(id_of(unready)) + fault), 404);
    require_problem(warehouse.post(exchange, delivery_body(id_of(loan.device)) + fault), 422, "exchange_same_device");

    auto replacement = ready_device(warehouse, technician, model);
    auto swapped = warehouse.post(exchange, delivery_body(id_of(replacement)) + fault);
    INFO(swapped.describe());
    REQUIRE(swapped.status == 201);
    auto answer = swapped.object();
    CHECK(text_of(answer->getObject("returned_device"), "state") == "in_service");
    CHECK(text_of(answer->getObject("service_order"), "fault") == "Alarm sounds at start-up");
    CHECK(text_of(answer->getObject("device"), "state") == "on_loan");
    CHECK(text_of(answer->getObject("loan"), "due_on") == text_of(loan.loan, "due_on"));

    auto c = warehouse.get(loan.case_path).object();
    CHECK(text_of(c, "status") == "delivered");
    auto loans = c->getArray("loans");
    REQUIRE(loans->size() == 2);
    CHECK(text_of(loans->getObject(0), "end_reason") == "exchanged");
    CHECK(loans->getObject(1)->getValue<long long>("device_id") == id_of(replacement));
    CHECK(text_of(loans->getObject(1), "returned_at").empty());
    CHECK(has_event(device_events(warehouse, id_of(replacement)), "case_device_exchanged"));
}

TEST_CASE("a technician records a service visit or an inspection at the home without moving the device",
          "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto loan = deliver_cpap(warehouse, technician, login(server, "caseworker"), 810);
    require_problem(warehouse.post(loan.device_path + "/home-visits", R"({"work":"x"})"), 403);
    require_problem(technician.post(loan.device_path + "/home-visits", R"({"work":" "})"), 422, "home_visit_work_missing");
    auto visit = technician.post(loan.device_path + "/home-visits", R"({"work":"Replaced the inlet filter.","parts":"filter"})");
    INFO(visit.describe());
    REQUIRE(visit.status == 201);
    CHECK(text_of(visit.object()->getObject("device"), "state") == "on_loan");
    auto inspected = technician.post(loan.device_path + "/inspections", passing_inspection(model_of_category(warehouse, "cpap")));
    INFO(inspected.describe());
    REQUIRE(inspected.status == 201);
    CHECK(text_of(inspected.object()->getObject("device"), "state") == "on_loan");
    CHECK(has_event(device_events(warehouse, id_of(loan.device)), "home_visit"));
    auto model = model_of_category(warehouse, "cpap");
    auto on_shelf = ready_device(warehouse, technician, model);
    require_problem(technician.post("/api/v1/devices/" + std::to_string(id_of(on_shelf)) + "/home-visits",
                                    R"({"work":"x"})"), 422, "device_not_at_patient");
}

TEST_CASE("a patient moving to another unit is transferred with the loan, the device changes unit when received",
          "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto receiving = login(server, "warehouse2");
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 811);
    const long long own_unit = loan.device->getValue<long long>("unit_id");
    const long long other_unit = receiving.get("/api/v1/me").object()->getValue<long long>("unit_id");
    REQUIRE(other_unit != 0);

    require_problem(caseworker.post(loan.case_path + "/transfer", R"({"to_unit_id":)" + std::to_string(own_unit) +
                                                                     R"(,"reason":"moved"})"), 422, "transfer_same_unit");
    auto started = caseworker.post(loan.case_path + "/transfer", R"({"to_unit_id":)" + std::to_string(other_unit) +
                                                                     R"(,"reason":"The patient moved to Bergen."})");
    INFO(started.describe());
    REQUIRE(started.status == 201);
    const std::string receive = "/api/v1/transfers/" + std::to_string(id_of(started.object())) + "/receive";
    CHECK(warehouse.get(loan.device_path).object()->getValue<long long>("unit_id") == own_unit);
    require_problem(receiving.get(loan.device_path), 404);
    REQUIRE(receiving.get("/api/v1/transfers").array()->size() == 1);
    require_problem(warehouse.post(receive, ""), 404, "transfer_not_yours");

    auto received = receiving.post(receive, "");
    INFO(received.describe());
    REQUIRE(received.status == 200);
    CHECK(text_of(received.object(), "status") == "received");
    require_problem(receiving.post(receive, ""), 409, "transfer_not_pending");
    auto device = receiving.get(loan.device_path);
    REQUIRE(device.status == 200);
    CHECK(device.object()->getValue<long long>("unit_id") == other_unit);
    CHECK(text_of(device.object(), "state") == "on_loan");
    require_problem(warehouse.get(loan.device_path), 404);
    require_problem(warehouse.get(loan.case_path), 404);
    CHECK(text_of(receiving.get(loan.case_path).object(), "status") == "delivered");
    auto sent = warehouse.get("/api/v1/transfers").array()->getObject(0);
    CHECK(text_of(sent, "status") == "received");
    auto own_trail = sent->getArray("trail");   // the sending unit's own trail of the transfer
    REQUIRE(own_trail->size() == 2);
    CHECK(has_event(own_trail, "transfer_started"));
    CHECK(has_event(own_trail, "transfer_received"));
    CHECK(receiving.get("/api/v1/transfers").array()->getObject(0)->getArray("trail")->size() == 2);
    auto trail = device_events(receiving, id_of(loan.device));
    CHECK(has_event(trail, "transfer_started"));
    CHECK(has_event(trail, "transfer_received"));
}

TEST_CASE("a second application for a category already on loan gets a warning in the answer, not a refusal",
          "[e2e][flows]") {
    ServerProcess server;
    auto caseworker = login(server, "caseworker");
    deliver_cpap(login(server, "warehouse"), login(server, "technician"), caseworker, 812);
    auto second = caseworker.post("/api/v1/cases", application_body("cpap", 812));
    INFO(second.describe());
    REQUIRE(second.status == 201);
    auto warnings = second.object()->getArray("warnings");
    REQUIRE(warnings->size() == 1);
    CHECK(text_of(warnings->getObject(0), "code") == "same_category_on_loan");
    auto other = caseworker.post("/api/v1/cases", application_body("oxygen_concentrator", 812));
    REQUIRE(other.status == 201);
    CHECK(other.object()->getArray("warnings")->size() == 0);
}

TEST_CASE("a reassessment that rejects an approved case puts its picked device back in stock", "[e2e][flows]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto device = ready_device(warehouse, login(server, "technician"), model_of_category(warehouse, "cpap"));
    auto c = approved_case(caseworker, "cpap", 813);
    const std::string case_path = "/api/v1/cases/" + std::to_string(id_of(c));
    REQUIRE(warehouse.post(case_path + "/reservation", R"({"device_id":)" + std::to_string(id_of(device)) + "}").status ==
            200);
    auto complaint = caseworker.post(case_path + "/complaints",
                                     R"({"received_on":")" + utc_date() + R"(","summary":"A relative objects."})");
    REQUIRE(complaint.status == 201);
    auto reversed = caseworker.post("/api/v1/complaints/" + std::to_string(id_of(complaint.object())) + "/reassessment",
                                    R"({"reverse":true,"grounds":"The patient declines the treatment."})");
    INFO(reversed.describe());
    REQUIRE(reversed.status == 200);
    CHECK(text_of(reversed.object(), "case_status") == "rejected");
    auto after = warehouse.get("/api/v1/devices/" + std::to_string(id_of(device))).object();
    CHECK(text_of(after, "state") == "available");
    CHECK(text_of(after, "reserved_case_id").empty());
}

TEST_CASE("the flows' endpoints are in the OpenAPI document with a summary and, for writes, a body example",
          "[e2e][flows]") {
    ServerProcess server;
    auto answer = login(server, "warehouse").get("/api/v1/openapi.json");
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    auto paths = answer.object()->getObject("paths");
    for (const char* path : {"/api/v1/loans/{id}/extension", "/api/v1/loans/{id}/return-request",
                             "/api/v1/cases/{id}/complaints", "/api/v1/complaints/{id}/reassessment",
                             "/api/v1/complaints/{id}/forwarding", "/api/v1/complaints/{id}/outcome",
                             "/api/v1/patients/{id}/death", "/api/v1/devices/{id}/write-off",
                             "/api/v1/devices/{id}/home-visits", "/api/v1/cases/{id}/exchanges",
                             "/api/v1/cases/{id}/transfer"}) {
        INFO(path);
        REQUIRE(paths->has(path));
        auto post = paths->getObject(path)->getObject("post");
        REQUIRE(post);
        CHECK_FALSE(text_of(post, "summary").empty());
        CHECK(post->has("requestBody"));
    }
    for (const char* path : {"/api/v1/pickups", "/api/v1/transfers", "/api/v1/complaints/{id}"}) {
        INFO(path);
        CHECK(paths->has(path));
    }
}
