// The sync client against a real loopback HTTP server (FakeScanServer): write-ahead
// delivery, queueing when the server is down, ordered batches when it is back, refusals
// kept for review, a bad token, and a late answer resent with the same id.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <thread>

#include "fake_scan_server.h"
#include "run_bhm_scan.h"
#include "scanner/scan_courier.h"

using namespace bhm::scan;
using namespace std::chrono_literals;

namespace {

ScanEvent device_scan(int n, const std::string& extra = "") {
    return make_scan_event("station-1", "receive", "]d20109506000134352\x1d" "21SN" + std::to_string(n) + extra, "");
}

struct Fixture {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    ScanQueue queue{dir.file("scan-queue.db")};
    HttpServerLink link{server.url(), "station-secret", 1000ms};
    ScanCourier courier{queue, link};
    std::vector<std::pair<std::string, ServerAnswer>> shown;
    QueuedAnswerListener listener = [this](const ScanEvent& s, const ServerAnswer& a) { shown.emplace_back(s.id, a); };
};

}  // namespace

TEST_CASE("a scan is answered at once by a reachable server and leaves the queue") {
    Fixture f;
    ScanEvent scan = device_scan(1);
    ServerAnswer answer = f.courier.deliver(scan);
    CHECK(answer.kind == ServerAnswer::Kind::accepted);
    CHECK(answer.message == "received into stock");
    CHECK(f.server.applications(scan.id) == 1);
    CHECK(f.queue.pending_count() == 0);
    auto body = f.server.last_body(scan.id);
    CHECK(body["station"] == "station-1");
    CHECK(body["mode"] == "receive");
    CHECK(body["code"] == scan.code);
    CHECK(body.count("case") == 0);
}

TEST_CASE("a refusal comes back with its detail and rule and is not kept when shown at once") {
    Fixture f;
    ScanEvent scan = device_scan(1, "REFUSE");
    ServerAnswer answer = f.courier.deliver(scan);
    CHECK(answer.kind == ServerAnswer::Kind::refused);
    CHECK(answer.status == 422);
    CHECK(answer.detail == "no electrical-installation check for the site");
    CHECK(answer.rule == "FOR-2013-11-29-1373 § 9");
    CHECK(f.queue.pending_count() == 0);
    CHECK(f.queue.refusals().empty());
    ServerAnswer conflict = f.courier.deliver(device_scan(2, "CONFLICT"));
    CHECK(conflict.kind == ServerAnswer::Kind::refused);
    CHECK(conflict.result == "conflict");
}

TEST_CASE("when the server is down scans are queued, then sent in order in batches when it is back") {
    Fixture f;
    f.server.down = true;
    std::vector<ScanEvent> scans;
    for (int n = 0; n < 250; ++n) {
        scans.push_back(device_scan(n));
        CHECK(f.courier.deliver(scans.back()).kind == ServerAnswer::Kind::unanswered);
    }
    CHECK(f.queue.pending_count() == 250);
    SyncReport down = f.courier.sync(f.listener);
    CHECK(down.left == 250);
    CHECK_FALSE(down.problem.empty());

    f.server.down = false;
    const int before = f.server.batch_requests();
    std::size_t last_done = 0;
    SyncReport report = f.courier.sync(f.listener, [&](std::size_t done, std::size_t) { last_done = done; });
    CHECK(report.accepted == 250);
    CHECK(report.left == 0);
    CHECK(last_done == 250);
    CHECK(f.server.batch_requests() - before == 3);  // 100 + 100 + 50
    auto order = f.server.applied_order();
    REQUIRE(order.size() == 250);
    for (std::size_t i = 0; i < scans.size(); ++i) CHECK(order[i] == scans[i].id);
}

TEST_CASE("a fresh scan waits behind older queued scans so the order is kept") {
    Fixture f;
    f.server.down = true;
    ScanEvent first = device_scan(1);
    f.courier.deliver(first);
    f.server.down = false;
    ScanEvent second = device_scan(2);
    ServerAnswer answer = f.courier.deliver(second);
    CHECK(answer.kind == ServerAnswer::Kind::unanswered);
    CHECK(f.server.applications(second.id) == 0);
    f.courier.sync(f.listener);
    CHECK(f.server.applied_order() == std::vector<std::string>{first.id, second.id});
}

TEST_CASE("a background sync with nothing queued never makes a fresh scan wait, nor takes it over") {
    // The station's sync thread runs beside the listen loop; before, it took the send
    // lock on an empty queue (or grabbed the scan just written ahead) and the station
    // said QUEUED to a reachable server, with refusals sent to review instead of shown.
    Fixture f;
    f.server.answer_delay_ms = 50;  // the first scan is in flight while syncs pile up
    f.server.delayed_requests = 1;
    std::atomic<bool> stop{false};
    std::atomic<int> syncs{0};
    std::thread background([&] {
        while (!stop) {
            f.courier.sync(f.listener);
            ++syncs;
        }
    });
    std::vector<ServerAnswer::Kind> kinds;
    std::vector<ScanEvent> scans;
    for (int i = 0; i < 40; ++i) {
        scans.push_back(device_scan(i, i % 5 == 4 ? "REFUSE" : ""));
        kinds.push_back(f.courier.deliver(scans.back()).kind);
    }
    stop = true;
    background.join();
    CHECK(syncs > 0);
    for (std::size_t i = 0; i < scans.size(); ++i) {
        INFO("scan " << i);
        CHECK(kinds[i] == (i % 5 == 4 ? ServerAnswer::Kind::refused : ServerAnswer::Kind::accepted));
        CHECK(f.server.deliveries(scans[i].id) == 1);
    }
    CHECK(f.shown.empty());  // nothing went out from the queue
    CHECK(f.queue.refusals().empty());
    CHECK(f.queue.pending_count() == 0);
}

TEST_CASE("refusals that come back for queued scans are shown and kept for review") {
    Fixture f;
    f.server.down = true;
    ScanEvent ok = device_scan(1), refused = device_scan(2, "REFUSE");
    f.courier.deliver(ok);
    f.courier.deliver(refused);
    f.server.down = false;
    SyncReport report = f.courier.sync(f.listener);
    CHECK(report.accepted == 1);
    CHECK(report.refused == 1);
    REQUIRE(f.shown.size() == 2);
    CHECK(f.shown[1].first == refused.id);
    CHECK(f.shown[1].second.rule == "FOR-2013-11-29-1373 § 9");
    auto review = f.queue.refusals();
    REQUIRE(review.size() == 1);
    CHECK(review[0].scan.id == refused.id);
    CHECK(f.queue.pending_count() == 0);
}

TEST_CASE("a wrong station token stops sending and keeps the scan queued") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    ScanQueue queue(dir.file("q.db"));
    HttpServerLink link(server.url(), "wrong-token", 1000ms);
    ScanCourier courier(queue, link);
    ScanEvent scan = device_scan(1);
    CHECK(courier.deliver(scan).kind == ServerAnswer::Kind::unauthorized);
    CHECK(queue.pending_count() == 1);
    SyncReport report = courier.sync({});
    CHECK(report.unauthorized);
    CHECK(report.left == 1);
    CHECK(server.applications(scan.id) == 0);
}

TEST_CASE("a late answer is resent later with the same id and applied once") {
    Fixture f;
    f.server.answer_delay_ms = 2500;  // beyond the client's 1 s timeout
    f.server.delayed_requests = 1;
    ScanEvent scan = device_scan(1);
    ServerAnswer first = f.courier.deliver(scan);
    CHECK(first.kind == ServerAnswer::Kind::unanswered);
    CHECK(f.queue.pending_count() == 1);
    CHECK(f.queue.pending(1).at(0).attempts == 1);

    SyncReport report = f.courier.sync(f.listener);
    CHECK(report.accepted == 1);
    CHECK(report.left == 0);
    CHECK(f.server.deliveries(scan.id) == 2);
    CHECK(f.server.applications(scan.id) == 1);
}

TEST_CASE("a server that is not listening is an unanswered send, not an error") {
    bhm::test::TempFolder dir;
    ScanQueue queue(dir.file("q.db"));
    HttpServerLink link("http://127.0.0.1:1", "t", 500ms);
    ScanCourier courier(queue, link);
    ServerAnswer answer = courier.deliver(device_scan(1));
    CHECK(answer.kind == ServerAnswer::Kind::unanswered);
    CHECK(answer.problem.find("cannot reach") != std::string::npos);
    CHECK(queue.pending_count() == 1);
}

TEST_CASE("server answers are read by their HTTP status") {
    using Kind = ServerAnswer::Kind;
    CHECK(read_scan_answer(200, R"({"id":"x","result":"ok","message":"m"})").kind == Kind::accepted);
    CHECK(read_scan_answer(422, R"({"detail":"d","rule":"r","result":"refused"})").kind == Kind::refused);
    CHECK(read_scan_answer(409, R"({"detail":"d","result":"conflict"})").result == "conflict");
    CHECK(read_scan_answer(400, "").kind == Kind::malformed);
    CHECK(read_scan_answer(413, "").kind == Kind::malformed);
    CHECK(read_scan_answer(401, "").kind == Kind::unauthorized);
    CHECK(read_scan_answer(403, "").kind == Kind::unauthorized);
    CHECK(read_scan_answer(500, "").kind == Kind::unanswered);
    CHECK(read_scan_answer(503, "{}").kind == Kind::unanswered);
    CHECK(read_scan_answer(200, "not json").kind == Kind::unanswered);
}

TEST_CASE("a server URL that is not http://host is refused up front") {
    CHECK_THROWS_AS(HttpServerLink("ftp://x", "t", 1000ms), std::invalid_argument);
    CHECK_THROWS_AS(HttpServerLink("not a url", "t", 1000ms), std::invalid_argument);
    CHECK_NOTHROW(HttpServerLink("http://bhm-server:8080/prefix/", "t", 1000ms));
}
