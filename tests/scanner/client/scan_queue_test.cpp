// The offline queue file: write-ahead durability, order, at most once per id, review.
#include <catch2/catch.hpp>

#include <filesystem>

#include "run_bhm_scan.h"
#include "scanner/scan_queue.h"

using namespace bhm::scan;

namespace {
ScanEvent scan_no(int n) {
    return ScanEvent{"id-" + std::to_string(n), "s1", "receive", "]d2010950600013435221SN" + std::to_string(n), "",
                     "2026-03-01T09:00:0" + std::to_string(n % 10) + "Z"};
}
}  // namespace

TEST_CASE("queued scans survive closing and reopening the queue file, in scan order") {
    bhm::test::TempFolder dir;
    {
        ScanQueue q(dir.file("var/q.db"));  // the folder is made on demand
        for (int n = 1; n <= 5; ++n) q.append(scan_no(n));
    }
    ScanQueue reopened(dir.file("var/q.db"));
    auto pending = reopened.pending(100);
    REQUIRE(pending.size() == 5);
    for (int n = 1; n <= 5; ++n) {
        CHECK(pending[static_cast<std::size_t>(n - 1)].scan.id == "id-" + std::to_string(n));
        CHECK(pending[static_cast<std::size_t>(n - 1)].scan.code == scan_no(n).code);
    }
    CHECK(reopened.pending(2).size() == 2);
}

TEST_CASE("appending the same scan id twice stores it once") {
    bhm::test::TempFolder dir;
    ScanQueue q(dir.file("q.db"));
    q.append(scan_no(1));
    q.append(scan_no(1));
    q.append(scan_no(2));
    CHECK(q.pending_count() == 2);
    CHECK(q.pending_before("id-2") == 1);
    CHECK(q.pending_before("id-1") == 0);
}

TEST_CASE("an answered scan leaves the queue and is never handed out again") {
    bhm::test::TempFolder dir;
    {
        ScanQueue q(dir.file("q.db"));
        for (int n = 1; n <= 3; ++n) q.append(scan_no(n));
        q.remove("id-2");
    }
    ScanQueue q(dir.file("q.db"));
    auto pending = q.pending(100);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].scan.id == "id-1");
    CHECK(pending[1].scan.id == "id-3");
}

TEST_CASE("a refused queued scan is kept for review until acknowledged, and is not resent") {
    bhm::test::TempFolder dir;
    ScanQueue q(dir.file("q.db"));
    q.append(scan_no(1));
    q.append(scan_no(2));
    ServerAnswer refusal;
    refusal.kind = ServerAnswer::Kind::refused;
    refusal.status = 422;
    refusal.result = "refused";
    refusal.detail = "no electrical-installation check for the site";
    refusal.rule = "FOR-2013-11-29-1373 § 9";
    q.keep_for_review("id-1", refusal);
    CHECK(q.pending_count() == 1);
    auto review = q.refusals();
    REQUIRE(review.size() == 1);
    CHECK(review[0].scan.id == "id-1");
    CHECK(review[0].answer.detail == refusal.detail);
    CHECK(review[0].answer.rule == refusal.rule);
    CHECK(q.acknowledge_refusals() == 1);
    CHECK(q.refusals().empty());
    CHECK(q.pending_count() == 1);
}

TEST_CASE("unanswered sends are counted on the queued scan") {
    bhm::test::TempFolder dir;
    ScanQueue q(dir.file("q.db"));
    q.append(scan_no(1));
    q.note_unanswered("id-1");
    q.note_unanswered("id-1");
    CHECK(q.pending(1).at(0).attempts == 2);
}

TEST_CASE("a queue path that cannot be a database is a clear error") {
    bhm::test::TempFolder dir;
    CHECK_THROWS_AS(ScanQueue(dir.path()), QueueError);  // a folder, not a file
}

TEST_CASE("the queue file is in WAL mode") {
    bhm::test::TempFolder dir;
    { ScanQueue q(dir.file("q.db")); q.append(scan_no(1)); }
    auto r = bhm::test::run_bhm_scan({"review", "--queue", dir.file("q.db")});
    CHECK(r.status == 0);
    CHECK(r.out.find("no refusals") != std::string::npos);
    // WAL leaves its side files beside the database while a connection is open.
    ScanQueue q(dir.file("q.db"));
    CHECK(std::filesystem::exists(dir.file("q.db-wal")));
}

TEST_CASE("a consumable scan's quantity is kept in the queue file, and a scan without one has none") {
    bhm::test::TempFolder dir;
    {
        ScanQueue q(dir.file("q.db"));
        auto pack = scan_no(1);
        pack.quantity = 12;
        q.append(pack);
        q.append(scan_no(2));
    }
    ScanQueue reopened(dir.file("q.db"));
    auto pending = reopened.pending(10);
    REQUIRE(pending.size() == 2);
    CHECK(pending[0].scan.quantity == 12);
    CHECK_FALSE(pending[1].scan.quantity.has_value());
    CHECK(to_json(pending[0].scan)->getValue<int>("quantity") == 12);
    CHECK_FALSE(to_json(pending[1].scan)->has("quantity"));
}
