// The annual report's loan duration counts a loan chain once (issue 12): a case's loan with its exchange is
// one loan of the patient, from the first delivery to the final return, not two shorter ones.
#include <catch2/catch.hpp>

#include "api_client.h"
#include "server_database.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

// This year's cpap row for UNN: the loan chains ended and the sum of their days (average × count).
struct LoanDays { int ended = 0; double days = 0; };
LoanDays cpap_loan_days(const ApiClient& manager) {
    auto row = annual_report_row(manager, std::stoi(utc_date().substr(0, 4)), "cpap");
    if (!row) return {};
    const int ended = row->getValue<int>("loans_ended");
    return {ended, ended == 0 ? 0 : row->getValue<double>("average_loan_days") * ended};
}

}  // namespace

TEST_CASE("a loan with its exchange counts as one loan, from its first delivery to its final end",
          "[e2e][flows][report]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto manager = login(server, "manager");
    auto loan = deliver_cpap(warehouse, technician, login(server, "caseworker"), 1701);
    auto replacement = ready_device(warehouse, technician, model_of_category(warehouse, "cpap"));
    auto swapped = exchange_device(warehouse, loan, id_of(replacement));
    INFO(swapped.describe());
    REQUIRE(swapped.status == 201);
    {   // As if delivered 100 days ago and exchanged 40 days ago (the API cannot back-date a device's receipt).
        auto db = server_database(server);
        std::string delivered = utc_date(-100) + "T10:00:00Z", exchanged = utc_date(-40) + "T10:00:00Z";
        Poco::Int64 first = id_of(loan.loan), second = id_of(swapped.object()->getObject("loan"));
        using Poco::Data::Keywords::use;
        using Poco::Data::Keywords::now;
        db << "UPDATE loans SET delivered_at = ?, returned_at = ? WHERE id = ?", use(delivered), use(exchanged),
            use(first), now;
        db << "UPDATE loans SET delivered_at = ? WHERE id = ?", use(exchanged), use(second), now;
    }
    const auto before = cpap_loan_days(manager);
    const std::string replacement_path = "/api/v1/devices/" + std::to_string(id_of(replacement));
    REQUIRE(warehouse.post(replacement_path + "/return", "").status == 200);

    const auto after = cpap_loan_days(manager);
    CHECK(after.ended == before.ended + 1);          // one loan, not the exchanged part and the rest
    // From the first delivery to the return: 100 days (101 when Norway's date is already tomorrow's).
    const double days = after.days - before.days;
    CHECK((days == Approx(100) || days == Approx(101)));
}
