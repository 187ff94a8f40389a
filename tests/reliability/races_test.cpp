// Races (issue 14, ARCHITECTURE.md principle 3): two callers doing conflicting things to one device or
// one case at the same moment. Picking one device for two cases: exactly one wins, the other is a 409
// with its reason. A return racing a delivery, two decisions on one case: the outcome is one of the
// serial orders, never a mix. One server for all rounds; devices and cases are prepared in bulk first,
// and the database is audited directly at the end (StoreAudit).
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <iostream>
#include <latch>
#include <map>
#include <thread>

#include "server_process.h"
#include "store_audit.h"
#include "workflow_steps.h"

using namespace bhm;
using namespace bhm::reliability;

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int pick_rounds = 1000;
constexpr int delivery_rounds = 200;
constexpr int decision_rounds = 300;
constexpr const char* category = "infusion_pump";   // no site check needed: a delivery needs only the journal note

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// Runs two calls released at the same moment; an exception becomes status 0 with its text.
std::pair<e2e::ApiResponse, e2e::ApiResponse> at_once(const std::function<e2e::ApiResponse()>& a,
                                                      const std::function<e2e::ApiResponse()>& b) {
    e2e::ApiResponse first, second;
    std::latch start(2);
    auto run = [&start](const std::function<e2e::ApiResponse()>& call, e2e::ApiResponse& into) {
        start.arrive_and_wait();
        try {
            into = call();
        } catch (const std::exception& e) {
            into.body = e.what();
        }
    };
    std::thread one(run, std::cref(a), std::ref(first));
    std::thread two(run, std::cref(b), std::ref(second));
    one.join();
    two.join();
    return {first, second};
}

bool is_conflict_with_reason(const e2e::ApiResponse& answer) {
    return answer.status == 409 && answer.content_type == "application/problem+json" && !answer.text("code").empty() &&
           !answer.text("detail").empty();
}

std::string path_of(const char* what, long long id, const std::string& rest = "") {
    return std::string("/api/v1/") + what + "/" + std::to_string(id) + rest;
}

struct ReadyDevice {
    long long id = 0;
    std::string tag;
};

// Received by batch scans, cleaned by batch inspect scans, then inspected: `count` available devices.
std::vector<ReadyDevice> ready_devices(const e2e::ApiClient& station, const e2e::ApiClient& technician,
                                       const Poco::JSON::Object::Ptr& model, int count) {
    std::vector<ReadyDevice> ready;
    for (int start = 0; start < count; start += 100) {
        std::string body = "{\"scans\":[";
        for (int i = start; i < std::min(count, start + 100); ++i)
            body += (i > start ? "," : "") +
                    e2e::to_json(e2e::scan_object(e2e::new_scan_id(), "receive",
                                                  e2e::gs1_device_label(e2e::text_of(model, "gtin"), e2e::new_serial())));
        auto answer = station.post("/api/v1/scans/batch", body + "]}");
        REQUIRE(answer.status == 200);
        for (const auto& item : *answer.object()->getArray("results")) {
            auto result = item.extract<Poco::JSON::Object::Ptr>();
            INFO(e2e::to_json(result));
            REQUIRE(result->getValue<int>("http_status") == 200);
            ready.push_back({e2e::id_of(result->getObject("device")), e2e::text_of(result->getObject("device"), "asset_tag")});
        }
    }
    for (std::size_t start = 0; start < ready.size(); start += 100) {
        std::string body = "{\"scans\":[";
        for (std::size_t i = start; i < std::min(ready.size(), start + 100); ++i)
            body += (i > start ? "," : "") + e2e::to_json(e2e::scan_object(e2e::new_scan_id(), "inspect", ready[i].tag));
        auto answer = station.post("/api/v1/scans/batch", body + "]}");
        REQUIRE(answer.status == 200);
        for (const auto& item : *answer.object()->getArray("results"))
            REQUIRE(item.extract<Poco::JSON::Object::Ptr>()->getValue<int>("http_status") == 200);
    }
    e2e::register_e2e_instrument(technician);
    const auto inspection = e2e::to_json(e2e::passing_inspection(model));
    for (const auto& device : ready) {
        auto inspected = technician.post(path_of("devices", device.id, "/inspections"), inspection);
        INFO(inspected.describe());
        REQUIRE(inspected.status == 201);
    }
    return ready;
}

struct PreparedCase {
    long long id = 0;
    std::string number;
};

// `count` applications for made-up patients from `first_patient` on, approved when `approve`.
std::vector<PreparedCase> prepared_cases(const e2e::ApiClient& caseworker, int first_patient, int count, bool approve) {
    std::vector<PreparedCase> made;
    for (int i = 0; i < count; ++i) {
        auto created = caseworker.post("/api/v1/cases", e2e::application_body(category, first_patient + i));
        INFO(created.describe());
        REQUIRE(created.status == 201);
        PreparedCase c{e2e::id_of(created.object()), e2e::text_of(created.object(), "number")};
        if (approve) {
            auto decided = caseworker.post(path_of("cases", c.id, "/decision"),
                                           R"({"approve":true,"grounds":"Dokumentert behov.","loan_days":365})");
            INFO(decided.describe());
            REQUIRE(decided.status == 200);
        }
        made.push_back(c);
    }
    return made;
}

// "code ×n, code ×m": which reasons the losers were given.
std::string tally_text(const std::map<std::string, int>& tally) {
    std::string text;
    for (const auto& [code, n] : tally) text += (text.empty() ? "" : ", ") + code + " x" + std::to_string(n);
    return text.empty() ? "none" : text;
}

std::string failures_text(const std::vector<std::string>& failures) {
    std::string text;
    for (std::size_t i = 0; i < failures.size() && i < 10; ++i) text += "\n  " + failures[i];
    return text;
}

}  // namespace

TEST_CASE("two stations picking one device for two cases at the same moment: exactly one wins, the other gets a "
          "409 with a reason, 1000 rounds", "[reliability][race]") {
    const auto started = SteadyClock::now();
    e2e::ServerProcess server;
    auto warehouse = e2e::login(server, "warehouse");
    auto caseworker = e2e::login(server, "caseworker");
    auto technician = e2e::login(server, "technician");
    auto station = e2e::station(server);
    auto model = e2e::model_of_category(warehouse, category);
    const auto devices = ready_devices(station, technician, model, pick_rounds);
    const auto cases = prepared_cases(caseworker, 5000, pick_rounds + 1, true);
    const double prepared = seconds_since(started);

    const auto rounds_started = SteadyClock::now();
    std::size_t free_case = 0;   // the loser of a round is free again for the next
    int one_winner = 0;
    int styles[3] = {0, 0, 0};
    std::map<long long, long long> winner_of;   // device -> the case it went to
    std::map<std::string, int> loser_codes;
    std::vector<std::string> failures;
    for (int round = 0; round < pick_rounds; ++round) {
        const auto& device = devices[static_cast<std::size_t>(round)];
        const std::size_t sides[2] = {free_case, static_cast<std::size_t>(round) + 1};
        const int style = round % 3;   // 0: two issue scans; 1: two reservations; 2: one of each
        auto pick = [&](int side) -> std::function<e2e::ApiResponse()> {
            const PreparedCase& c = cases[sides[side]];
            if (style == 0 || (style == 2 && side == 0)) {
                const e2e::ApiClient& client = side == 0 ? station : warehouse;   // the demo station, a user's bench
                const std::string body = e2e::to_json(e2e::scan_object(e2e::new_scan_id(), "issue", device.tag, c.number));
                return [&client, body] { return client.post("/api/v1/scans", body); };
            }
            const e2e::ApiClient& client = side == 0 ? warehouse : caseworker;
            const std::string body = "{\"device_id\":" + std::to_string(device.id) + "}";
            const std::string path = path_of("cases", c.id, "/reservation");
            return [&client, body, path] { return client.post(path, body); };
        };
        auto [first, second] = at_once(pick(0), pick(1));
        const bool first_won = first.status == 200, second_won = second.status == 200;
        const e2e::ApiResponse& loser = first_won ? second : first;
        if (first_won != second_won && is_conflict_with_reason(loser)) {
            ++one_winner;
            ++styles[style];
            ++loser_codes[loser.text("code")];
            const std::size_t winner = first_won ? sides[0] : sides[1];
            winner_of[device.id] = cases[winner].id;
            free_case = first_won ? sides[1] : sides[0];
        } else {
            failures.push_back("round " + std::to_string(round) + ": " + first.describe() + " | " + second.describe());
            free_case = static_cast<std::size_t>(round) + 1;   // whatever happened, move on with a fresh pair
            if (round + 2 > pick_rounds) break;
        }
    }
    const double raced = seconds_since(rounds_started);

    // The database agrees: each device is reserved for the case that won, with one reserve event.
    StoreAudit store(server.folder() + "/bhm.db");
    std::map<long long, std::pair<std::string, long long>> now;   // device -> state, reserved case
    for (const auto& row : store.rows("SELECT id, state, COALESCE(reserved_case_id, 0) FROM devices"))
        now[std::stoll(row[0])] = {row[1], std::stoll(row[2])};
    std::map<long long, int> reserves;
    for (const auto& row : store.rows("SELECT device_id, count(*) FROM events WHERE kind = 'reserve' GROUP BY device_id"))
        reserves[std::stoll(row[0])] = std::stoi(row[1]);
    int disagreeing = 0;
    for (const auto& [device, c] : winner_of)
        if (now[device].first != "reserved" || now[device].second != c || reserves[device] != 1) ++disagreeing;
    const auto disagreements = store.state_disagreements();

    std::cout << "pick races: " << pick_rounds << " rounds (" << styles[0] << " scan/scan, " << styles[1]
              << " reservation/reservation, " << styles[2] << " scan/reservation with one winner), " << one_winner
              << " with exactly one winner and a 409 with a reason (" << tally_text(loser_codes) << "), "
              << failures.size() << " not; " << disagreeing
              << " devices not as the winner left them; prepared in " << prepared << " s, raced in " << raced << " s\n";
    INFO("failed rounds:" << failures_text(failures));
    CHECK(failures.empty());
    CHECK(one_winner == pick_rounds);
    CHECK(disagreeing == 0);
    INFO((disagreements.empty() ? std::string() : disagreements.front()));
    CHECK(disagreements.empty());
    CHECK(store.integrity_check() == "ok");
}

TEST_CASE("a return racing a delivery of the same device: either the return is refused and the device is on loan, "
          "or the delivery came first and the return ended that loan, never a mix", "[reliability][race]") {
    const auto started = SteadyClock::now();
    e2e::ServerProcess server;
    auto warehouse = e2e::login(server, "warehouse");
    auto caseworker = e2e::login(server, "caseworker");
    auto technician = e2e::login(server, "technician");
    auto station = e2e::station(server);
    auto model = e2e::model_of_category(warehouse, category);
    const auto devices = ready_devices(station, technician, model, delivery_rounds);
    const auto cases = prepared_cases(caseworker, 7000, delivery_rounds, true);
    for (int i = 0; i < delivery_rounds; ++i) {
        const auto& c = cases[static_cast<std::size_t>(i)];
        auto noted = caseworker.post(path_of("cases", c.id, "/journal-note"), R"({"hpr_number":"1234567"})");
        INFO(noted.describe());
        REQUIRE(noted.status == 200);
        auto picked = warehouse.post(path_of("cases", c.id, "/reservation"),
                                     "{\"device_id\":" + std::to_string(devices[static_cast<std::size_t>(i)].id) + "}");
        INFO(picked.describe());
        REQUIRE(picked.status == 200);
    }
    const double prepared = seconds_since(started);

    const std::string delivery_tail =
        R"(,"handover":"discharge","manual_included":true,"training_recorded":true,"trained":"patient","fitted_and_tested":true})";
    int return_refused = 0, delivered_then_returned = 0;
    std::vector<std::string> failures;
    std::map<long long, bool> expect_on_loan;
    std::map<std::string, int> refusal_codes;
    for (int round = 0; round < delivery_rounds; ++round) {
        const auto& device = devices[static_cast<std::size_t>(round)];
        const auto& c = cases[static_cast<std::size_t>(round)];
        const std::string delivery = "{\"device_id\":" + std::to_string(device.id) + delivery_tail;
        const std::string ret = e2e::to_json(e2e::scan_object(e2e::new_scan_id(), "return", device.tag));
        const std::string path = path_of("cases", c.id, "/deliveries");
        auto [delivered, returned] = at_once([&] { return caseworker.post(path, delivery); },
                                             [&] { return station.post("/api/v1/scans", ret); });
        const bool delivery_ok = delivered.status == 201 || delivered.status == 200;
        if (delivery_ok && returned.status >= 400 && returned.status < 500 && !returned.text("code").empty()) {
            ++return_refused;
            ++refusal_codes[std::to_string(returned.status) + " " + returned.text("code")];
            expect_on_loan[device.id] = true;
        } else if (delivery_ok && returned.status == 200) {
            ++delivered_then_returned;
            expect_on_loan[device.id] = false;
        } else {
            failures.push_back("round " + std::to_string(round) + ": delivery " + delivered.describe() + " | return " +
                               returned.describe());
        }
    }

    StoreAudit store(server.folder() + "/bhm.db");
    int disagreeing = 0;
    for (const auto& [device, on_loan] : expect_on_loan) {
        const std::string id = std::to_string(device);
        const auto state = store.scalar("SELECT state FROM devices WHERE id = " + id);
        const auto open = store.scalar("SELECT count(*) FROM loans WHERE device_id = " + id + " AND returned_at IS NULL");
        const auto loans = store.scalar("SELECT count(*) FROM loans WHERE device_id = " + id);
        const auto order = store.rows("SELECT kind FROM events WHERE device_id = " + id +
                                      " AND kind IN ('deliver', 'take_return') ORDER BY id");
        std::string kinds;
        for (const auto& row : order) kinds += row[0] + " ";
        const bool ok = on_loan ? (state == "on_loan" && open == "1" && loans == "1" && kinds == "deliver ")
                                : (state == "returned" && open == "0" && loans == "1" && kinds == "deliver take_return ");
        if (!ok) {
            ++disagreeing;
            failures.push_back("device " + id + ": state " + state + ", open loans " + open + ", loans " + loans +
                               ", events " + kinds);
        }
    }
    const auto disagreements = store.state_disagreements();
    std::cout << "return/delivery races: " << delivery_rounds << " rounds: " << return_refused
              << " return refused, device on loan (" << tally_text(refusal_codes) << "), " << delivered_then_returned
              << " delivered first then returned; " << failures.size() << " inconsistent; prepared in " << prepared
              << " s, " << seconds_since(started) << " s in all\n";
    INFO("failures:" << failures_text(failures));
    CHECK(failures.empty());
    CHECK(disagreeing == 0);
    CHECK(return_refused + delivered_then_returned == delivery_rounds);
    INFO((disagreements.empty() ? std::string() : disagreements.front()));
    CHECK(disagreements.empty());
}

TEST_CASE("two decisions on one case at the same moment: exactly one is recorded, the other gets a 409, and the case "
          "shows the winner's decision", "[reliability][race]") {
    const auto started = SteadyClock::now();
    e2e::ServerProcess server;
    auto caseworker = e2e::login(server, "caseworker");
    auto manager = e2e::login(server, "manager");
    const auto cases = prepared_cases(caseworker, 8000, decision_rounds, false);

    int one_winner = 0;
    std::vector<std::string> failures;
    std::map<long long, std::string> expected_status;
    std::map<std::string, int> loser_codes;
    for (int round = 0; round < decision_rounds; ++round) {
        const auto& c = cases[static_cast<std::size_t>(round)];
        const std::string path = path_of("cases", c.id, "/decision");
        const bool both_approve = round % 2 == 1;   // also two identical decisions: still one entry
        auto [approve, other] = at_once(
            [&] { return caseworker.post(path, R"({"approve":true,"grounds":"Dokumentert behov.","loan_days":365})"); },
            [&] {
                return manager.post(path, both_approve
                                              ? R"({"approve":true,"grounds":"Dokumentert behov.","loan_days":180})"
                                              : R"({"approve":false,"grounds":"Vilkårene er ikke oppfylt."})");
            });
        const bool first_won = approve.status == 200, second_won = other.status == 200;
        const e2e::ApiResponse& loser = first_won ? other : approve;
        if (first_won != second_won && is_conflict_with_reason(loser)) {
            ++one_winner;
            ++loser_codes[loser.text("code")];
            expected_status[c.id] = first_won || both_approve ? "approved" : "rejected";
        } else {
            failures.push_back("round " + std::to_string(round) + ": " + approve.describe() + " | " + other.describe());
        }
    }
    StoreAudit store(server.folder() + "/bhm.db");
    int disagreeing = 0;
    for (const auto& [id, status] : expected_status) {
        const std::string c = std::to_string(id);
        const auto now = store.scalar("SELECT status FROM cases WHERE id = " + c);
        const auto decisions = store.scalar("SELECT count(*) FROM decisions WHERE case_id = " + c);
        const auto events = store.scalar("SELECT count(*) FROM events WHERE case_id = " + c +
                                         " AND kind IN ('case_approved', 'case_rejected')");
        if (now != status || decisions != "1" || events != "1") {
            ++disagreeing;
            failures.push_back("case " + c + ": status " + now + " (expected " + status + "), " + decisions +
                               " decisions, " + events + " decision events");
        }
    }
    std::cout << "decision races: " << decision_rounds << " rounds, " << one_winner
              << " with exactly one decision recorded and a 409 with a reason (" << tally_text(loser_codes) << "); " << disagreeing << " inconsistent; "
              << seconds_since(started) << " s in all\n";
    INFO("failures:" << failures_text(failures));
    CHECK(one_winner == decision_rounds);
    CHECK(disagreeing == 0);
    CHECK(store.state_disagreements().empty());
}
