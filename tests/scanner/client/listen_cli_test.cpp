// `bhm-scan listen --stdin` end to end against a loopback server: every scan gets its
// line at once (OK / REFUSED + bell / QUEUED), issue mode sends the case, a wrong token
// stops the station, and queued scans go out with `bhm-scan sync`.
#include <catch2/catch.hpp>

#include <chrono>

#include <Poco/PipeStream.h>
#include <Poco/StreamCopier.h>

#include "fake_scan_server.h"
#include "run_bhm_scan.h"
#include "scanner/scan_queue.h"

using bhm::test::run_bhm_scan;

namespace {

const std::string device1 = "]d20109506000134352<GS>21SN1";
const std::string device2 = "]d20109506000134352<GS>21SN2";
const std::string refused_device = "]d20109506000134352<GS>21REFUSE1";

std::vector<std::string> listen_args(const std::string& server, const std::string& queue,
                                     const std::string& mode = "receive") {
    return {"listen", "--stdin", "--server", server, "--station", "warehouse-1", "--mode", mode,
            "--token", "station-secret", "--queue", queue, "--http-timeout", "2"};
}

}  // namespace

TEST_CASE("listen answers every scan with one line: OK with the server's message, REFUSED with rule and bell") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    auto r = run_bhm_scan(listen_args(server.url(), dir.file("q.db")), device1 + "\n" + refused_device + "\n");
    INFO("stdout:\n" << r.out << "stderr:\n" << r.err);
    REQUIRE(r.status == 0);
    CHECK(r.out.find("OK  GTIN 09506000134352 SN SN1  received into stock\n") != std::string::npos);
    CHECK(r.out.find("REFUSED no electrical-installation check for the site (FOR-2013-11-29-1373 § 9)\a\n") !=
          std::string::npos);
    CHECK(r.out.find("QUEUED") == std::string::npos);
    CHECK(server.applied_order().size() == 2);
}

TEST_CASE("in issue mode the case slip's number is sent with each device until END") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    auto r = run_bhm_scan(listen_args(server.url(), dir.file("q.db"), "issue"),
                          device1 + "\nCASE:K-2026-7\n" + device1 + "\n" + device2 + "\nEND\n" + device1 + "\n");
    REQUIRE(r.status == 0);
    auto order = server.applied_order();
    REQUIRE(order.size() == 2);  // the scans before the slip and after END were refused at the station
    for (const auto& id : order) {
        auto body = server.last_body(id);
        CHECK(body["mode"] == "issue");
        CHECK(body["case"] == "K-2026-7");
        CHECK(body["station"] == "warehouse-1");
    }
    CHECK(std::count(r.out.begin(), r.out.end(), '\a') == 2);
    CHECK(r.out.find("CASE K-2026-7 closed") != std::string::npos);
}

TEST_CASE("a mode barcode changes the mode sent with the next scans") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    auto r = run_bhm_scan(listen_args(server.url(), dir.file("q.db")), "MODE:return\n" + device1 + "\n");
    REQUIRE(r.status == 0);
    auto order = server.applied_order();
    REQUIRE(order.size() == 1);
    CHECK(server.last_body(order[0])["mode"] == "return");
}

TEST_CASE("with the server unreachable the station says QUEUED at once and sync sends the scans later") {
    bhm::test::TempFolder dir;
    const std::string queue = dir.file("q.db");
    auto start = std::chrono::steady_clock::now();
    auto r = run_bhm_scan(listen_args("http://127.0.0.1:1", queue), device1 + "\n" + device2 + "\n");
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(8));
    REQUIRE(r.status == 0);
    CHECK(r.out.find("QUEUED GTIN 09506000134352 SN SN1\n") != std::string::npos);
    CHECK(r.out.find("QUEUED GTIN 09506000134352 SN SN2\n") != std::string::npos);

    bhm::test::FakeScanServer server;
    auto sync = run_bhm_scan({"sync", "--server", server.url(), "--token", "station-secret", "--queue", queue});
    CHECK(sync.status == 0);
    CHECK(server.applied_order().size() == 2);
    CHECK(bhm::scan::ScanQueue(queue).pending_count() == 0);
}

TEST_CASE("sync reports scans left when the server is still down, and review lists refusals of queued scans") {
    bhm::test::TempFolder dir;
    const std::string queue = dir.file("q.db");
    run_bhm_scan(listen_args("http://127.0.0.1:1", queue), device1 + "\n" + refused_device + "\n");
    auto still_down = run_bhm_scan({"sync", "--server", "http://127.0.0.1:1", "--token", "t", "--queue", queue});
    CHECK(still_down.status == 4);

    bhm::test::FakeScanServer server;
    auto sync = run_bhm_scan({"sync", "--server", server.url(), "--token", "station-secret", "--queue", queue});
    CHECK(sync.status == 0);
    CHECK(sync.out.find("kept for review\a") != std::string::npos);
    auto review = run_bhm_scan({"review", "--queue", queue});
    CHECK(review.out.find("REFUSED no electrical-installation check") != std::string::npos);
    CHECK(review.out.find("1 refusal(s)") != std::string::npos);
    auto cleared = run_bhm_scan({"review", "--clear", "--queue", queue});
    CHECK(cleared.out.find("1 refusal(s) acknowledged") != std::string::npos);
    CHECK(run_bhm_scan({"review", "--queue", queue}).out.find("no refusals") != std::string::npos);
}

TEST_CASE("a wrong station token stops listen with a clear message and status 3") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    auto args = listen_args(server.url(), dir.file("q.db"));
    args[9] = "not-the-token";
    auto r = run_bhm_scan(args, device1 + "\n" + device2 + "\n");
    CHECK(r.status == 3);
    CHECK(r.err.find("token") != std::string::npos);
    CHECK(server.applied_order().empty());
}

TEST_CASE("listen without a token or station is a usage error before any reader is touched") {
    bhm::test::TempFolder dir;
    auto no_token = run_bhm_scan({"listen", "--stdin", "--server", "http://127.0.0.1:1", "--station", "s",
                                  "--queue", dir.file("q.db")},
                                 "", {{"BHM_STATION_TOKEN", ""}});
    CHECK(no_token.status == 2);
    CHECK(no_token.err.find("BHM_STATION_TOKEN") != std::string::npos);
    auto no_station = run_bhm_scan({"listen", "--stdin", "--server", "http://x:1", "--token", "t"});
    CHECK(no_station.status == 2);
}

TEST_CASE("the station token may come from BHM_STATION_TOKEN") {
    bhm::test::FakeScanServer server;
    bhm::test::TempFolder dir;
    auto r = run_bhm_scan({"listen", "--stdin", "--server", server.url(), "--station", "s", "--queue",
                           dir.file("q.db")},
                          device1 + "\n", {{"BHM_STATION_TOKEN", "station-secret"}});
    CHECK(r.status == 0);
    CHECK(server.applied_order().size() == 1);
}

TEST_CASE("listen --print prints each scan as JSON with its reader and stops after --max-scans") {
    auto r = run_bhm_scan({"listen", "--stdin", "--print", "--max-scans", "2"},
                          device1 + "\nhello\n" + device2 + "\n");
    REQUIRE(r.status == 0);
    CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
    CHECK(r.out.find(R"("serial":"SN1")") != std::string::npos);
    CHECK(r.out.find(R"("reader":"stdin")") != std::string::npos);
    CHECK(r.out.find("SN2") == std::string::npos);
}

TEST_CASE("listen --timeout stops a station that gets no scans") {
    auto start = std::chrono::steady_clock::now();
    bhm::test::BackgroundScan listen({"listen", "--stdin", "--print", "--timeout", "1"});
    // stdin stays open: only the timeout can end it.
    int status = listen.wait(false);
    auto took = std::chrono::steady_clock::now() - start;
    CHECK(status == 0);
    CHECK(took >= std::chrono::milliseconds(900));
    CHECK(took < std::chrono::seconds(10));
}
