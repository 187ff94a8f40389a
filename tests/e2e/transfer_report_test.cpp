// Receiving a transfer does not rewrite the sending unit's annual report (issue 12): each unit counts what it
// lent while it held the loan. The sending unit's figures for last year and this year stay as they were for
// the loans lent before the transfer, and the receiving unit counts the loan from the receipt on.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "api_client.h"
#include "server_database.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

using Figures = std::map<std::string, std::string>;

// The cpap row of a year's report for the caller's unit, each figure as text; empty when there is no row.
Figures cpap_figures(const ApiClient& manager, int year) {
    Figures out;
    if (auto row = annual_report_row(manager, year, "cpap"))
        for (const auto& [name, value] : *row) out[name] = value.isEmpty() ? "null" : value.toString();
    return out;
}

Figures without(Figures figures, const std::set<std::string>& names) {
    for (const auto& name : names) figures.erase(name);
    return figures;
}

int figure(const Figures& figures, const std::string& name) {
    auto found = figures.find(name);
    return found == figures.end() ? 0 : std::stoi(found->second);
}

// Moves a delivered loan's story (the device's receipt, application, decision, delivery) to June last year,
// as if it had happened then: the API cannot back-date a receipt into stock.
void lent_last_year(const ServerProcess& server, const Delivered& loan, int year) {
    auto db = server_database(server);
    const std::string y = std::to_string(year - 1);
    std::string received = y + "-05-30T10:00:00Z", applied = y + "-06-01T10:00:00Z", decided = y + "-06-02T10:00:00Z",
                delivered = y + "-06-03T10:00:00Z";
    Poco::Int64 device = id_of(loan.device), c = id_of(loan.c), l = id_of(loan.loan);
    using Poco::Data::Keywords::use;
    using Poco::Data::Keywords::now;
    db << "UPDATE devices SET received_at = ? WHERE id = ?", use(received), use(device), now;
    db << "UPDATE cases SET applied_at = ?, decided_at = ?, delivered_at = ? WHERE id = ?", use(applied),
        use(decided), use(delivered), use(c), now;
    db << "UPDATE decisions SET decided_at = ? WHERE case_id = ?", use(decided), use(c), now;
    db << "UPDATE loans SET delivered_at = ? WHERE id = ?", use(delivered), use(l), now;
}

}  // namespace

TEST_CASE("receiving a transfer leaves the sending unit's annual report as it was, the receiver counts from the receipt",
          "[e2e][flows][transfer][report]") {
    ServerProcess server;
    auto warehouse = login(server, "warehouse");
    auto technician = login(server, "technician");
    auto caseworker = login(server, "caseworker");
    auto manager = login(server, "manager");
    auto receiving = login(server, "warehouse2");
    const long long other_unit = receiving.get("/api/v1/me").object()->getValue<long long>("unit_id");
    auto receiving_manager = user_in_unit(server, "manager_ous", "manager", other_unit);
    const int year = std::stoi(utc_date().substr(0, 4));

    auto old_loan = deliver_cpap(warehouse, technician, caseworker, 1501);
    lent_last_year(server, old_loan, year);
    auto new_loan = deliver_cpap(warehouse, technician, caseworker, 1502);

    const Figures sent_last = cpap_figures(manager, year - 1), sent_now = cpap_figures(manager, year);
    const Figures got_last = cpap_figures(receiving_manager, year - 1), got_now = cpap_figures(receiving_manager, year);
    REQUIRE(figure(sent_last, "new_assignments") >= 1);
    REQUIRE(figure(sent_now, "new_assignments") >= 1);

    for (const auto* loan : {&old_loan, &new_loan}) {
        auto started = caseworker.post(loan->case_path + "/transfer", R"({"to_unit_id":)" + std::to_string(other_unit) +
                                                                          R"(,"reason":"The patient moved to Oslo."})");
        INFO(started.describe());
        REQUIRE(started.status == 201);
        auto received = receiving.post("/api/v1/transfers/" + std::to_string(id_of(started.object())) + "/receive", "");
        INFO(received.describe());
        REQUIRE(received.status == 200);
    }

    // Last year is history for both units: not one figure moves.
    CHECK(cpap_figures(manager, year - 1) == sent_last);
    CHECK(cpap_figures(receiving_manager, year - 1) == got_last);

    // This year the sender keeps what it lent, decided and received; only who holds the two loans at the
    // year's end changes, and the hand-over is its own figure.
    const std::set<std::string> holding{"devices_in_use_at_year_end", "transferred_out", "transferred_in"};
    auto sent_after = cpap_figures(manager, year);
    CHECK(without(sent_after, holding) == without(sent_now, holding));
    CHECK(figure(sent_after, "devices_in_use_at_year_end") == figure(sent_now, "devices_in_use_at_year_end") - 2);
    CHECK(figure(sent_after, "transferred_out") == figure(sent_now, "transferred_out") + 2);

    auto got_after = cpap_figures(receiving_manager, year);
    CHECK(figure(got_after, "devices_in_use_at_year_end") == figure(got_now, "devices_in_use_at_year_end") + 2);
    CHECK(figure(got_after, "transferred_in") == figure(got_now, "transferred_in") + 2);
    CHECK(figure(got_after, "new_assignments") == figure(got_now, "new_assignments"));     // lent by the sender
    CHECK(figure(got_after, "devices_received") == figure(got_now, "devices_received"));   // bought by the sender
}
