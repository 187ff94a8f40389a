// GET /reports/annual/charts counts each loan and case for the unit that held it at the time, as
// /reports/annual does: a received transfer changes neither the sender's nor the receiver's past months.
// Through the real server; the past is made by back-dating the loan and the case in its database.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_database.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

struct ChartFigures { int delivered_in_month = 0, waited_cases = 0; };

ChartFigures charts(const ApiClient& manager, int year, int month) {
    auto answer = manager.get("/api/v1/reports/annual/charts?year=" + std::to_string(year));
    INFO(answer.describe());
    REQUIRE(answer.status == 200);
    ChartFigures f;
    f.delivered_in_month = answer.object()->getArray("months")->getObject(static_cast<unsigned>(month - 1))->getValue<int>("delivered");
    for (const auto& b : *answer.object()->getArray("waiting_to_delivery"))
        f.waited_cases += b.extract<Poco::JSON::Object::Ptr>()->getValue<int>("cases");
    return f;
}

}  // namespace

TEST_CASE("a received transfer does not change the sender's or the receiver's charts for past months",
          "[e2e][report][transfer]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto receiving_warehouse = login(server, "warehouse2");
    const long long other_unit = receiving_warehouse.get("/api/v1/me").object()->getValue<long long>("unit_id");
    auto receiving_manager = user_in_unit(server, "manager_charts", "manager", other_unit);
    auto loan = deliver_cpap(warehouse, login(server, "technician"), caseworker, 1451);

    const std::string past = utc_date(-45);
    const int year = std::stoi(past.substr(0, 4)), month = std::stoi(past.substr(5, 2));
    {   // As if applied for 55 days ago, decided 50 and delivered 45 days ago.
        auto db = server_database(server);
        std::string applied = utc_date(-55) + "T09:00:00Z", decided = utc_date(-50) + "T09:00:00Z",
                    delivered = past + "T10:00:00Z";
        Poco::Int64 loan_id = id_of(loan.loan), case_id = id_of(loan.c);
        using Poco::Data::Keywords::use;
        using Poco::Data::Keywords::now;
        db << "UPDATE loans SET delivered_at = ? WHERE id = ?", use(delivered), use(loan_id), now;
        db << "UPDATE cases SET applied_at = ?, decided_at = ?, delivered_at = ? WHERE id = ?", use(applied),
            use(decided), use(delivered), use(case_id), now;
    }
    const auto sender_before = charts(manager, year, month);
    const auto receiver_before = charts(receiving_manager, year, month);
    CHECK(sender_before.delivered_in_month >= 1);
    CHECK(sender_before.waited_cases >= 1);

    auto started = caseworker.post(loan.case_path + "/transfer", R"({"to_unit_id":)" + std::to_string(other_unit) +
                                                                      R"(,"reason":"The patient moved to Oslo."})");
    INFO(started.describe());
    REQUIRE(started.status == 201);
    auto received = receiving_warehouse.post("/api/v1/transfers/" + std::to_string(id_of(started.object())) + "/receive", "");
    INFO(received.describe());
    REQUIRE(received.status == 200);

    const auto sender_after = charts(manager, year, month);
    CHECK(sender_after.delivered_in_month == sender_before.delivered_in_month);
    CHECK(sender_after.waited_cases == sender_before.waited_cases);
    const auto receiver_after = charts(receiving_manager, year, month);
    CHECK(receiver_after.delivered_in_month == receiver_before.delivered_in_month);
    CHECK(receiver_after.waited_cases == receiver_before.waited_cases);
}
