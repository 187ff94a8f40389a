// Crash safety (issue 14): the server killed with SIGKILL at random moments while four stations scan
// as fast as they can, and restarted on the same database, keeps every scan it answered exactly once and
// applies no command by half; and bhm-scan killed in the middle of a sync keeps its queue, so that nothing
// queued is lost or applied twice. The database is read directly (StoreAudit), not through the API.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include <Poco/TemporaryFile.h>

#include "server_process.h"
#include "store_audit.h"
#include "workflow_steps.h"

using namespace bhm;
using namespace bhm::reliability;

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr int kills = 50;
constexpr int station_count = 4;
constexpr int batch_station = 3;   // this one sends /scans/batch of batch_size, the others single scans
constexpr std::size_t batch_size = 20;

double seconds_since(SteadyClock::time_point start) {
    return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

// One scan a station made: its body stays the same on every resend (same id, same fingerprint).
struct StationScan {
    std::string id, mode, body;
};

// A scan the server answered: the status it gave and whether the refusal (a count of a device not in
// the warehouse, 409 count_mismatch) still recorded the count.
struct Answered {
    std::string id, mode, code;
    int status = 0;
};

// What the stations share with the test's thread. Catch2 assertions stay on the test's thread.
struct Storm {
    std::atomic<bool> scanning{false}, finished{false};
    std::atomic<int> busy{0};   // stations inside a request
    std::mutex mutex;
    std::vector<Answered> answered;   // every answer, in arrival order
    std::atomic<long> unanswered_sends{0}, answers{0};
};

std::string scan_body(const StationScan& scan) {
    return e2e::to_json(e2e::scan_object(scan.id, scan.mode, scan.body));
}

// A station thread: count scans of the unit's devices and receive scans of new serials, one after the
// other as fast as the server answers. A send that gets no answer (the server died) is kept and resent
// unchanged when the server is back, as bhm-scan does.
void run_station(Storm& storm, std::uint16_t port, const std::string& token, int number,
                 const std::vector<std::string>& tags, const std::vector<std::string>& gtins) {
    e2e::ApiClient client(port, token);
    std::mt19937 random(static_cast<unsigned>(number * 7919 + 17));
    long serial = 0;
    std::vector<StationScan> in_doubt;   // sent, not answered: resent as they were
    auto make = [&] {
        StationScan scan;
        scan.id = e2e::new_scan_id();
        if (random() % 3 == 0) {
            scan.mode = "receive";
            scan.body = e2e::gs1_device_label(gtins[random() % gtins.size()],
                                              "CRASH" + std::to_string(number) + "-" + std::to_string(++serial));
        } else {
            scan.mode = "count";
            scan.body = tags[random() % tags.size()];
        }
        return scan;
    };
    while (!storm.finished) {
        if (!storm.scanning) {
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
            continue;
        }
        ++storm.busy;
        if (!storm.scanning) {   // paused between the check and the increment
            --storm.busy;
            continue;
        }
        std::vector<StationScan> sending = in_doubt;
        const std::size_t want = number == batch_station ? batch_size : 1;
        while (sending.size() < want) sending.push_back(make());
        in_doubt = sending;
        std::vector<Answered> got;
        try {
            if (sending.size() == 1) {
                auto answer = client.post("/api/v1/scans", scan_body(sending[0]));
                if (answer.status < 500)
                    got.push_back({sending[0].id, sending[0].mode, answer.text("code"), answer.status});
            } else {
                std::string body = "{\"scans\":[";
                for (std::size_t i = 0; i < sending.size(); ++i) body += (i ? "," : "") + scan_body(sending[i]);
                auto answer = client.post("/api/v1/scans/batch", body + "]}");
                if (answer.status == 200) {
                    auto results = answer.object()->getArray("results");
                    for (std::size_t i = 0; results && i < results->size() && i < sending.size(); ++i) {
                        auto result = results->getObject(static_cast<unsigned>(i));
                        const int status = result->getValue<int>("http_status");
                        if (status < 500)
                            got.push_back({sending[i].id, sending[i].mode,
                                           result->has("code") ? result->getValue<std::string>("code") : "", status});
                    }
                }
            }
        } catch (const std::exception&) {
            // no answer: the server is down or died mid-request
        }
        if (got.size() == sending.size()) {
            in_doubt.clear();
            storm.answers += static_cast<long>(got.size());
            std::lock_guard lock(storm.mutex);
            storm.answered.insert(storm.answered.end(), got.begin(), got.end());
        } else {
            ++storm.unanswered_sends;
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        --storm.busy;
    }
}

// The events an answered scan must have made: a count or receive that was applied made one; a count of a
// device registered elsewhere is answered 409 count_mismatch and still logged; any other refusal none.
int expected_events(const Answered& scan) {
    if (scan.status == 200) return 1;
    if (scan.code == "count_mismatch") return 1;
    return 0;
}

struct CheckResult {
    long answered_checked = 0, lost = 0, wrong_status = 0, wrong_events = 0, half_applied = 0;
    std::vector<std::string> problems;   // the first few, for the failure message
};

// Every answered scan is kept with its status and has its events exactly once; every kept answer of an
// applied scan has exactly one event (also those whose answer the kill swallowed); the state agrees with
// the event log; the file is sound.
CheckResult audit(const std::string& database, const std::vector<Answered>& answered) {
    CheckResult result;
    auto note = [&](const std::string& problem) {
        if (result.problems.size() < 10) result.problems.push_back(problem);
    };
    StoreAudit store(database);
    const auto integrity = store.integrity_check();
    if (integrity != "ok") note("integrity_check: " + integrity);
    const auto kept = store.answered_scans();
    const auto events = store.events_per_scan();
    auto events_of = [&](const std::string& id) {
        auto found = events.find(id);
        return found == events.end() ? 0 : found->second;
    };
    for (const auto& scan : answered) {
        ++result.answered_checked;
        auto found = kept.find(scan.id);
        if (found == kept.end()) {
            ++result.lost;
            note("answered " + std::to_string(scan.status) + " but not kept: " + scan.id);
            continue;
        }
        if (found->second != scan.status) {
            ++result.wrong_status;
            note("scan " + scan.id + " answered " + std::to_string(scan.status) + ", kept " +
                 std::to_string(found->second));
        }
        if (events_of(scan.id) != expected_events(scan)) {
            ++result.wrong_events;
            note("scan " + scan.id + " (" + scan.mode + ", " + std::to_string(scan.status) + " " + scan.code + ") has " +
                 std::to_string(events_of(scan.id)) + " events");
        }
    }
    for (const auto& [id, status] : kept) {
        if (status == 200 && events_of(id) != 1) {
            ++result.half_applied;
            note("kept answer 200 for " + id + " with " + std::to_string(events_of(id)) + " events");
        }
    }
    for (const auto& disagreement : store.state_disagreements()) {
        ++result.half_applied;
        note(disagreement);
    }
    return result;
}

}  // namespace

TEST_CASE("killed with SIGKILL 50 times during a scan storm, the server keeps every answered scan exactly once "
          "and applies no command by half", "[reliability][crash]") {
    const auto started = SteadyClock::now();
    e2e::ServerProcess server;   // restart() keeps the port it bound
    const std::string database = server.folder() + "/bhm.db";
    auto admin = e2e::login(server, "admin");
    auto warehouse = e2e::login(server, "warehouse");

    // Four stations, each with its own token issued by the admin.
    std::vector<std::string> tokens;
    for (int i = 0; i < station_count; ++i) {
        auto issued = admin.post("/api/v1/stations", "{\"name\":\"crash-" + std::to_string(i) + "\"}");
        INFO(issued.describe());
        REQUIRE(issued.status == 201);
        tokens.push_back(issued.text("token"));
        REQUIRE_FALSE(tokens.back().empty());
    }
    std::vector<std::string> tags, gtins;
    for (const auto& device : e2e::all_devices(warehouse)) tags.push_back(e2e::text_of(device, "asset_tag"));
    for (const char* category : {"cpap", "oxygen_concentrator", "suction"})
        gtins.push_back(e2e::text_of(e2e::model_of_category(warehouse, category), "gtin"));
    REQUIRE(tags.size() > 50);

    // A control: the audit does see a scan answered but not kept, so a clean audit below means something.
    REQUIRE(audit(database, {Answered{e2e::new_scan_id(), "count", "", 200}}).lost == 1);
    REQUIRE(audit(database, {}).problems.empty());

    Storm storm;
    std::vector<std::thread> stations;
    for (int i = 0; i < station_count; ++i)
        stations.emplace_back(run_station, std::ref(storm), server.port(), tokens[static_cast<std::size_t>(i)], i,
                              std::cref(tags), std::cref(gtins));
    auto pause = [&] {
        storm.scanning = false;
        while (storm.busy > 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };

    std::mt19937 random(20261202);
    std::uniform_int_distribution<int> storm_ms(150, 900);
    CheckResult last;
    long lost = 0, wrong_status = 0, wrong_events = 0, half_applied = 0;
    std::vector<std::string> problems;
    int survived = 0;
    double restart_seconds = 0;
    for (int kill = 1; kill <= kills; ++kill) {
        storm.scanning = true;
        std::this_thread::sleep_for(std::chrono::milliseconds(storm_ms(random)));
        server.kill_hard();
        pause();
        const auto restart_started = SteadyClock::now();
        server.restart();
        restart_seconds += seconds_since(restart_started);
        std::vector<Answered> answered;
        {
            std::lock_guard lock(storm.mutex);
            answered = storm.answered;
        }
        last = audit(database, answered);
        lost += last.lost;
        wrong_status += last.wrong_status;
        wrong_events += last.wrong_events;
        half_applied += last.half_applied;
        for (const auto& p : last.problems)
            if (problems.size() < 20) problems.push_back("after kill " + std::to_string(kill) + ": " + p);
        if (last.lost == 0 && last.wrong_status == 0 && last.wrong_events == 0 && last.half_applied == 0) ++survived;
    }

    // Let the stations resend what the last kill left unanswered, then stop them and audit once more.
    storm.scanning = true;
    const auto drain_deadline = SteadyClock::now() + std::chrono::seconds(10);
    long answers_before = storm.answers;
    while (SteadyClock::now() < drain_deadline && storm.answers < answers_before + 4 * static_cast<long>(batch_size))
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    pause();
    storm.finished = true;
    for (auto& t : stations) t.join();
    std::vector<Answered> answered = storm.answered;
    auto final_audit = audit(database, answered);

    std::set<std::string> ids;
    long applied = 0;
    for (const auto& scan : answered) {
        ids.insert(scan.id);
        if (scan.status == 200) ++applied;
    }
    StoreAudit store(database);
    std::cout << "crash safety: " << kills << " SIGKILLs, " << survived << " audits clean; " << answered.size()
              << " scans answered (" << applied << " applied, " << ids.size() << " distinct ids), "
              << storm.unanswered_sends << " sends cut off by a kill and resent; lost " << lost + final_audit.lost
              << ", wrong status " << wrong_status + final_audit.wrong_status << ", wrong event count "
              << wrong_events + final_audit.wrong_events << ", half-applied " << half_applied + final_audit.half_applied
              << "; " << store.scalar("SELECT count(*) FROM events") << " events, "
              << store.scalar("SELECT count(*) FROM devices") << " devices; restarts took "
              << restart_seconds / kills << " s on average; " << seconds_since(started) << " s in all\n";
    INFO("problems: " << [&] {
        std::string text;
        for (const auto& p : problems) text += "\n  " + p;
        for (const auto& p : final_audit.problems) text += "\n  at the end: " + p;
        return text;
    }());
    CHECK(survived == kills);
    CHECK(lost + final_audit.lost == 0);
    CHECK(wrong_status + final_audit.wrong_status == 0);
    CHECK(wrong_events + final_audit.wrong_events == 0);
    CHECK(half_applied + final_audit.half_applied == 0);
    CHECK(final_audit.answered_checked == static_cast<long>(answered.size()));
    CHECK(ids.size() == answered.size());   // no scan answered twice as a new one
    CHECK(applied > 1000);                  // the storms really ran
    CHECK(storm.unanswered_sends > 0);      // and kills really cut requests off
}

namespace {

// bhm-scan with its own queue file, for the sync test.
struct StationQueue {
    std::string folder = Poco::TemporaryFile::tempName() + "-bhm-crash-station";
    StationQueue() { std::filesystem::create_directories(folder); }
    ~StationQueue() {
        std::error_code ec;
        std::filesystem::remove_all(folder, ec);
    }
    std::string file() const { return folder + "/q.db"; }
    std::vector<std::string> args(const e2e::ServerProcess& server, std::vector<std::string> words) const {
        std::vector<std::string> all{e2e::binary_path("bhm-scan")};
        all.insert(all.end(), words.begin(), words.end());
        for (const auto& link : {std::string("--server"), server.base_url(), std::string("--token"),
                                 server.station_token(), std::string("--queue"), file(), std::string("--http-timeout"),
                                 std::string("3")})
            all.push_back(link);
        return all;
    }
};

}  // namespace

TEST_CASE("bhm-scan killed with SIGKILL in the middle of a sync keeps its queue, and nothing queued is lost or "
          "applied twice", "[reliability][crash]") {
    const auto started = SteadyClock::now();
    constexpr int queued = 1500, sync_kills = 8;
    e2e::ServerProcess server;   // restart() keeps the port it bound
    const std::string database = server.folder() + "/bhm.db";
    auto warehouse = e2e::login(server, "warehouse");
    const std::string gtin = e2e::text_of(e2e::model_of_category(warehouse, "cpap"), "gtin");
    const auto devices_before = e2e::all_devices(warehouse).size();

    // The station scans while the server is down: every scan goes into the queue.
    StationQueue station;
    std::string input;
    std::set<std::string> serials;
    for (int i = 0; i < queued; ++i) {
        serials.insert("SYNCKILL-" + std::to_string(i));
        input += e2e::gs1_device_label(gtin, "SYNCKILL-" + std::to_string(i)) + "\n";
    }
    server.stop();
    auto listen = e2e::run_program(station.args(server, {"listen", "--stdin", "--station", server.station_name(),
                                                         "--mode", "receive", "--max-scans",
                                                         std::to_string(queued), "--timeout", "90"}),
                                   input, 120);
    INFO("listen: " << listen.err.substr(0, 2000));
    REQUIRE(listen.exit_code == 0);
    std::set<std::string> queued_ids;
    {
        StoreAudit queue(station.file());
        for (const auto& row : queue.rows("SELECT id FROM queued_scan WHERE state = 'pending'")) queued_ids.insert(row[0]);
    }
    REQUIRE(queued_ids.size() == static_cast<std::size_t>(queued));
    server.restart();

    std::mt19937 random(1402);
    std::uniform_int_distribution<int> kill_after_ms(80, 450);
    int killed_mid_sync = 0;
    std::vector<std::size_t> pending_after_kill;
    long lost = 0, twice = 0, answer_cut_off = 0;   // the last: applied, but the kill came before the queue knew
    for (int round = 0; round < sync_kills; ++round) {
        auto run = e2e::run_program_for(station.args(server, {"sync"}), "",
                                        std::chrono::milliseconds(kill_after_ms(random)));
        if (!run.timed_out) break;   // the queue was sent before the kill came
        ++killed_mid_sync;
        StoreAudit queue(station.file());
        INFO("after kill " << round);
        CHECK(queue.integrity_check() == "ok");
        std::set<std::string> pending;
        for (const auto& row : queue.rows("SELECT id FROM queued_scan WHERE state = 'pending'")) pending.insert(row[0]);
        CHECK(queue.scalar("SELECT count(*) FROM queued_scan WHERE state = 'refused'") == "0");
        pending_after_kill.push_back(pending.size());
        StoreAudit store(database);
        const auto kept = store.answered_scans();
        const auto events = store.events_per_scan();
        for (const auto& id : queued_ids) {
            // Every queued scan is still queued, or the server has it (or both: the answer was cut off).
            if (!pending.count(id) && !kept.count(id)) ++lost;
            if (pending.count(id) && kept.count(id)) ++answer_cut_off;
            auto found = events.find(id);
            if (found != events.end() && found->second > 1) ++twice;
            if (kept.count(id) && (found == events.end() || found->second != 1)) ++twice;
        }
        for (const auto& id : pending) CHECK(queued_ids.count(id) == 1);   // nothing new appeared in the queue
    }
    auto last = e2e::run_program(station.args(server, {"sync"}), "", 60);
    INFO("last sync: " << last.describe().substr(0, 2000));
    CHECK(last.exit_code == 0);

    StoreAudit queue(station.file());
    CHECK(queue.integrity_check() == "ok");
    CHECK(queue.scalar("SELECT count(*) FROM queued_scan") == "0");   // every scan answered, none refused
    StoreAudit store(database);
    CHECK(store.integrity_check() == "ok");
    const auto kept = store.answered_scans();
    const auto events = store.events_per_scan();
    long arrived = 0;
    for (const auto& id : queued_ids) {
        auto k = kept.find(id);
        auto e = events.find(id);
        if (k == kept.end()) {
            ++lost;
            continue;
        }
        if (k->second == 200 && e != events.end() && e->second == 1) ++arrived;
        else ++twice;
    }
    std::map<std::string, int> devices_per_serial;
    for (const auto& device : e2e::all_devices(warehouse)) {
        const auto serial = e2e::text_of(device, "serial");
        if (serials.count(serial)) ++devices_per_serial[serial];
    }
    long devices_wrong = 0;
    for (const auto& serial : serials)
        if (devices_per_serial[serial] != 1) ++devices_wrong;
    const auto problems = store.state_disagreements();
    std::string pending_text;
    for (auto n : pending_after_kill) pending_text += std::to_string(n) + " ";
    std::cout << "sync kills: " << queued << " scans queued, bhm-scan sync killed " << killed_mid_sync
              << " times mid-sync (pending after each kill: " << pending_text << "); " << arrived
              << " arrived exactly once (" << answer_cut_off
              << " times a scan was applied but still queued at a kill, and resent), lost " << lost << ", applied twice or half " << twice << ", devices wrong "
              << devices_wrong << "; " << seconds_since(started) << " s\n";
    CHECK(killed_mid_sync >= 3);
    // Each kill came during a sync that had sent something and not everything.
    CHECK(std::any_of(pending_after_kill.begin(), pending_after_kill.end(),
                      [&](std::size_t n) { return n > 0 && n < static_cast<std::size_t>(queued); }));
    CHECK(lost == 0);
    CHECK(twice == 0);
    CHECK(arrived == queued);
    CHECK(devices_wrong == 0);
    CHECK(e2e::all_devices(warehouse).size() == devices_before + queued);
    INFO((problems.empty() ? std::string() : problems.front()));
    CHECK(problems.empty());
}
