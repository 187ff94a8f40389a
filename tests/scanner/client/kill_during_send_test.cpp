// kill -9 of bhm-scan in the middle of a send: the scan was written to the queue before it
// was sent, so nothing is lost; the restarted client resends it with the same id and the
// server (idempotent on the id) applies it exactly once.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "fake_scan_server.h"
#include "run_bhm_scan.h"
#include "scanner/scan_queue.h"

using namespace bhm::scan;
using namespace std::chrono_literals;

namespace {

// Waits until the server has applied `n` scans (it then holds the answer), up to 15 s. Waiting for
// the request alone is not enough: the kill could land before the body has been read.
bool wait_for_applied(const bhm::test::FakeScanServer& server, std::size_t n) {
    for (int i = 0; i < 300 && server.applied_order().size() < n; ++i) std::this_thread::sleep_for(50ms);
    return server.applied_order().size() >= n;
}

}  // namespace

TEST_CASE("bhm-scan sync killed with -9 while the server holds the answer loses nothing and doubles nothing") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    const std::string queue_file = dir.file("q.db");
    std::vector<std::string> ids;
    {
        ScanQueue queue(queue_file);
        for (int n = 0; n < 3; ++n) {
            ScanEvent scan = make_scan_event("s1", "receive", "]d20109506000134352\x1d" "21K" + std::to_string(n), "");
            queue.append(scan);
            ids.push_back(scan.id);
        }
    }
    server.answer_delay_ms = 5000;
    server.delayed_requests = 1;
    const std::vector<std::string> sync_args{"sync", "--server", server.url(), "--token", "station-secret",
                                             "--queue", queue_file, "--http-timeout", "30"};
    {
        bhm::test::BackgroundScan sync(sync_args);
        REQUIRE(wait_for_applied(server, ids.size()));
        sync.kill_hard();
    }
    // The server got the batch and applied it; the client never saw the answer.
    for (const auto& id : ids) CHECK(server.applications(id) == 1);
    CHECK(ScanQueue(queue_file).pending_count() == 3);

    auto again = bhm::test::run_bhm_scan(sync_args);
    CHECK(again.status == 0);
    CHECK(ScanQueue(queue_file).pending_count() == 0);
    for (const auto& id : ids) {
        CHECK(server.deliveries(id) == 2);
        CHECK(server.applications(id) == 1);
    }
    CHECK(server.applied_order() == ids);
}

TEST_CASE("bhm-scan listen killed with -9 during a send has the scan in its queue for the next sync") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    const std::string queue_file = dir.file("q.db");
    server.answer_delay_ms = 5000;
    server.delayed_requests = 1;
    {
        bhm::test::BackgroundScan listen({"listen", "--stdin", "--server", server.url(), "--station", "s1",
                                          "--token", "station-secret", "--queue", queue_file,
                                          "--http-timeout", "30"},
                                         "]d20109506000134352\x1d" "21KILL1\n");
        REQUIRE(wait_for_applied(server, 1));
        listen.kill_hard();
    }
    std::vector<QueuedScan> pending = ScanQueue(queue_file).pending(10);
    REQUIRE(pending.size() == 1);
    const std::string id = pending[0].scan.id;
    CHECK(server.applications(id) == 1);

    auto sync = bhm::test::run_bhm_scan(
        {"sync", "--server", server.url(), "--token", "station-secret", "--queue", queue_file});
    CHECK(sync.status == 0);
    CHECK(server.deliveries(id) == 2);
    CHECK(server.applications(id) == 1);
    CHECK(ScanQueue(queue_file).pending_count() == 0);
}
