// A pending transfer is never a dead end (issue 12): either unit's caseworker cancels it with a reason, it
// ends by itself ("loan ended") when the case's last loan ends, and it stands through an exchange, when the
// replacement's loan is the one the receiving unit takes over. Through the real server.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_database.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

long long unit_of(const ApiClient& client) { return client.get("/api/v1/me").object()->getValue<long long>("unit_id"); }

ApiResponse start(const ApiClient& caseworker, const Delivered& loan, long long to_unit) {
    return caseworker.post(loan.case_path + "/transfer",
                           R"({"to_unit_id":)" + std::to_string(to_unit) + R"(,"reason":"The patient moved to Oslo."})");
}

// The caller's own listing of one transfer.
Poco::JSON::Object::Ptr listed(const ApiClient& client, long long transfer_id) {
    auto items = client.get("/api/v1/transfers").array();
    for (std::size_t i = 0; i < items->size(); ++i)
        if (id_of(items->getObject(static_cast<unsigned>(i))) == transfer_id) return items->getObject(static_cast<unsigned>(i));
    FAIL("transfer " << transfer_id << " is not listed");
    return nullptr;
}

std::string path_of(long long transfer_id, const std::string& step) {
    return "/api/v1/transfers/" + std::to_string(transfer_id) + "/" + step;
}

}  // namespace

TEST_CASE("a pending transfer is cancelled by either unit's caseworker with a reason, once, a received one is not",
          "[e2e][flows][transfer]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto receiving_warehouse = login(server, "warehouse2");
    const long long other_unit = unit_of(receiving_warehouse);
    auto receiving_caseworker = user_in_unit(server, "caseworker_ous", "caseworker", other_unit);
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 1401);

    auto started = start(caseworker, loan, other_unit);
    INFO(started.describe());
    REQUIRE(started.status == 201);
    const long long id = id_of(started.object());
    const std::string cancel = path_of(id, "cancel");
    require_problem(warehouse.post(cancel, R"({"reason":"x"})"), 403);
    require_problem(receiving_warehouse.post(cancel, R"({"reason":"x"})"), 403);
    require_problem(caseworker.post(cancel, "{}"), 400, "missing_field");
    require_problem(caseworker.post(cancel, R"({"reason":"   "})"), 422, "transfer_cancel_reason_missing");
    CHECK(text_of(listed(caseworker, id), "status") == "pending");   // a refusal changes nothing

    auto cancelled = receiving_caseworker.post(cancel, R"({"reason":"The patient stays in Tromsø after all."})");
    INFO(cancelled.describe());
    REQUIRE(cancelled.status == 200);
    CHECK(text_of(cancelled.object(), "status") == "cancelled");
    CHECK(text_of(cancelled.object(), "cancel_reason") == "The patient stays in Tromsø after all.");
    require_problem(caseworker.post(cancel, R"({"reason":"again"})"), 409, "transfer_already_cancelled");
    require_problem(receiving_warehouse.post(path_of(id, "receive"), ""), 422, "transfer_cancelled");
    CHECK(has_event(listed(caseworker, id)->getArray("trail"), "transfer_cancelled"));
    CHECK(has_event(listed(receiving_warehouse, id)->getArray("trail"), "transfer_cancelled"));
    CHECK(warehouse.get(loan.device_path).object()->getValue<long long>("unit_id") == unit_of(warehouse));

    auto again = start(caseworker, loan, other_unit);   // the case can move later after all
    INFO(again.describe());
    REQUIRE(again.status == 201);
    const long long second = id_of(again.object());
    REQUIRE(receiving_warehouse.post(path_of(second, "receive"), "").status == 200);
    require_problem(caseworker.post(path_of(second, "cancel"), R"({"reason":"too late"})"), 422,
                    "transfer_already_received");
    CHECK(text_of(listed(caseworker, second), "status") == "received");
}

TEST_CASE("a pending transfer ends with the case's last loan and stands through an exchange", "[e2e][flows][transfer]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto receiving = login(server, "warehouse2");
    const long long other_unit = unit_of(receiving);

    SECTION("the device comes back: the transfer is cancelled, 'loan ended', in both units' trails") {
        auto loan = deliver_cpap(warehouse, technician, caseworker, 1402);
        auto started = start(caseworker, loan, other_unit);
        REQUIRE(started.status == 201);
        const long long id = id_of(started.object());
        REQUIRE(warehouse.post(loan.device_path + "/return", "").status == 200);
        auto mine = listed(caseworker, id);
        CHECK(text_of(mine, "status") == "cancelled");
        CHECK(text_of(mine, "cancel_reason") == "loan ended");
        CHECK(has_event(mine->getArray("trail"), "transfer_cancelled"));
        CHECK(has_event(listed(receiving, id)->getArray("trail"), "transfer_cancelled"));
        CHECK(text_of(caseworker.get(loan.case_path).object(), "status") == "closed");
        require_problem(start(caseworker, loan, other_unit), 422, "case_not_on_loan");   // not "already pending"
        require_problem(receiving.post(path_of(id, "receive"), ""), 422, "transfer_cancelled");
    }

    SECTION("the device is exchanged: the transfer stands and carries the replacement's loan") {
        auto loan = deliver_cpap(warehouse, technician, caseworker, 1403);
        auto started = start(caseworker, loan, other_unit);
        REQUIRE(started.status == 201);
        const long long id = id_of(started.object());
        auto replacement = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
        auto swapped = exchange_device(warehouse, loan, id_of(replacement));
        INFO(swapped.describe());
        REQUIRE(swapped.status == 201);
        CHECK(text_of(listed(caseworker, id), "status") == "pending");

        auto received = receiving.post(path_of(id, "receive"), "");
        INFO(received.describe());
        REQUIRE(received.status == 200);
        CHECK(received.object()->getValue<long long>("loan_id") == id_of(swapped.object()->getObject("loan")));
        CHECK(received.object()->getValue<long long>("device_id") == id_of(replacement));
        const std::string replacement_path = "/api/v1/devices/" + std::to_string(id_of(replacement));
        CHECK(receiving.get(replacement_path).object()->getValue<long long>("unit_id") == other_unit);
        CHECK(text_of(warehouse.get(loan.device_path).object(), "state") == "in_service");   // A stays for service
    }
}
