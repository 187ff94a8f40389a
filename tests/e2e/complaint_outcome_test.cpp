// Statsforvalteren's outcome is always recorded (issue 12), whatever became of the case meanwhile: a reversal
// is a new decision entry. On a delivered case the loan stands (the case shows the decision against it, and
// the unit takes the device back itself); a closed case whose refusal is reversed goes back into the
// delivery queue. Through the real server.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

// A complaint on the case's current decision, kept by the unit and forwarded to Statsforvalteren; its path.
std::string forwarded_complaint(const ApiClient& caseworker, const std::string& case_path) {
    auto complaint = caseworker.post(case_path + "/complaints", R"({"received_on":")" + utc_date() +
                                                                    R"(","summary":"The patient disagrees."})");
    INFO(complaint.describe());
    REQUIRE(complaint.status == 201);
    const std::string path = "/api/v1/complaints/" + std::to_string(id_of(complaint.object()));
    auto kept = caseworker.post(path + "/reassessment", R"({"reverse":false,"grounds":"The unit keeps its decision."})");
    INFO(kept.describe());
    REQUIRE(kept.status == 200);
    auto forwarded = caseworker.post(path + "/forwarding", R"({"forwarded_on":")" + utc_date() + R"("})");
    INFO(forwarded.describe());
    REQUIRE(forwarded.status == 200);
    return path;
}

ApiResponse reversed_by_statsforvalteren(const ApiClient& caseworker, const std::string& complaint_path) {
    return caseworker.post(complaint_path + "/outcome", R"({"outcome":"reversed","decided_on":")" + utc_date() +
                                                            R"(","grounds":"Statsforvalteren reversed it.","loan_days":180})");
}

Poco::JSON::Object::Ptr last_decision(const Poco::JSON::Object::Ptr& c) {
    auto decisions = c->getArray("decisions");
    REQUIRE(decisions->size() > 0);
    return decisions->getObject(static_cast<unsigned>(decisions->size() - 1));
}

}  // namespace

TEST_CASE("Statsforvalteren's reversal of a delivered case is recorded, and the loan stands until the unit ends it",
          "[e2e][flows][complaint]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 1601);
    const auto complaint = forwarded_complaint(caseworker, loan.case_path);

    auto outcome = reversed_by_statsforvalteren(caseworker, complaint);
    INFO(outcome.describe());
    REQUIRE(outcome.status == 200);
    CHECK(text_of(outcome.object(), "status") == "decided");
    auto c = caseworker.get(loan.case_path).object();
    CHECK(text_of(c, "status") == "delivered");
    CHECK(c->getValue<bool>("loan_against_decision"));
    CHECK(c->getArray("decisions")->size() == 2);   // the first decision stays; the reversal is appended
    CHECK(text_of(last_decision(c), "kind") == "county_governor");
    CHECK_FALSE(last_decision(c)->getValue<bool>("approved"));
    CHECK(text_of(warehouse.get(loan.device_path).object(), "state") == "on_loan");
    CHECK(text_of(c->getArray("loans")->getObject(0), "returned_at").empty());
    require_problem(reversed_by_statsforvalteren(caseworker, complaint), 409, "complaint_already_decided");

    // The unit takes the device back; the case closes under the refusal. A later complaint reversed by
    // Statsforvalteren approves it again, and the case goes back into the delivery queue.
    REQUIRE(warehouse.post(loan.device_path + "/return", "").status == 200);
    REQUIRE(text_of(caseworker.get(loan.case_path).object(), "status") == "closed");
    auto again = reversed_by_statsforvalteren(caseworker, forwarded_complaint(caseworker, loan.case_path));
    INFO(again.describe());
    REQUIRE(again.status == 200);
    auto reopened = caseworker.get(loan.case_path).object();
    CHECK(text_of(reopened, "status") == "approved");   // the delivery queue
    CHECK_FALSE(reopened->getValue<bool>("loan_against_decision"));
    CHECK(reopened->getArray("decisions")->size() == 3);
    CHECK(last_decision(reopened)->getValue<bool>("approved"));
    CHECK(last_decision(reopened)->getValue<int>("loan_days") == 180);
}
