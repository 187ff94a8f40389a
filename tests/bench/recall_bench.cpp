// bhm_bench_recall: the recall queries against a store of 10,000 devices (tests/db/store/recall_store_fixture.h:
// a serial-range notice over half of them, every 10th on loan, and a notice of 1,000 real consumable stock lots
// with picks and deliveries from every 5th), beside a baseline
// run in the same process and rounds: raw sqlite3 reading every device row of the model from the same file.
// Prints the affected-list query's plan (EXPLAIN QUERY PLAN) too. The target for the affected list is 50 ms.
#include <Poco/Util/Option.h>
#include <sqlite3.h>

#include <iostream>

#include "bench_options.h"
#include "bench_table.h"
#include "scratch_folder.h"
#include "db/sqlite/recall_queries.h"
#include "tests/db/store/recall_store_fixture.h"

using namespace bhm;
using Poco::Util::Option;

namespace {

constexpr std::size_t rounds = 10;

// The baseline: every device row of one model, four columns, no joins, through the C API on its own connection.
class RawDeviceRead {
public:
    explicit RawDeviceRead(const std::string& file) {
        if (sqlite3_open_v2(file.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + file);
        if (sqlite3_prepare_v2(db_, "SELECT id, asset_tag, serial, state FROM devices WHERE model_id = ? ORDER BY id",
                               -1, &statement_, nullptr) != SQLITE_OK)
            throw std::runtime_error(sqlite3_errmsg(db_));
    }
    ~RawDeviceRead() {
        sqlite3_finalize(statement_);
        sqlite3_close(db_);
    }
    RawDeviceRead(const RawDeviceRead&) = delete;
    RawDeviceRead& operator=(const RawDeviceRead&) = delete;
    std::size_t read(long long model_id) {
        sqlite3_reset(statement_);
        sqlite3_bind_int64(statement_, 1, model_id);
        std::size_t rows = 0, bytes = 0;
        while (sqlite3_step(statement_) == SQLITE_ROW) {
            ++rows;
            bytes += static_cast<std::size_t>(sqlite3_column_bytes(statement_, 2));
        }
        return bytes > 0 ? rows : 0;
    }

private:
    sqlite3* db_ = nullptr;
    sqlite3_stmt* statement_ = nullptr;
};

int run(const bench::BenchOptions& options) {
    const std::size_t devices = options.count("devices", 10000, 1000, 1000000);
    const std::size_t lots = options.count("lots", 1000, 1, 10000);
    const std::size_t count = options.count("count", 50, 5, 100000);
    const double cap = options.seconds("max-seconds", 20, 600);
    bench::ScratchFolder folder;
    const std::string file = folder.file("recall.db");
    std::cout << "bhm_bench_recall: building a store of " << devices << " devices and " << lots << " lots in " << file
              << " (removed at the end)\n" << std::flush;
    auto store = db::open_sqlite_store(file);
    const auto r = db::testing::make_recall_store(*store, static_cast<int>(devices), static_cast<int>(lots));
    std::cout << "notice " << r.notice << " covers " << r.covered << " devices (" << r.covered_on_loan << " on loan)\n"
              << "EXPLAIN QUERY PLAN of the affected list:\n";
    for (const auto& line : db::testing::query_plan(file, db::sqlite_sql::recall_affected_devices, r.notice))
        std::cout << "  " << line << "\n";

    RawDeviceRead raw(file);
    std::size_t sink = 0;
    Coverage coverage;
    store->read([&](db::Transaction& tx) { coverage = tx.recall_notice(r.notice)->coverage; });
    const db::Id held = r.world.model;   // any id: the hold lookup is one indexed probe
    const auto rows = bench::measure_interleaved(
        {
            {"raw sqlite3: read every device row of the model (" + std::to_string(devices) + ")", count,
             [&](std::size_t) { sink += raw.read(r.world.model); }},
            {"Store::read: affected list of the notice (" + std::to_string(r.covered) + " devices, joined)", count,
             [&](std::size_t) {
                 store->read([&](db::Transaction& tx) { sink += tx.recall_affected_devices(r.notice).size(); });
             }},
            {"Store::read: match the model's devices against the notice (registration)", count,
             [&](std::size_t) {
                 store->read([&](db::Transaction& tx) {
                     for (const auto& d : tx.devices_of_model(r.world.unit, r.world.model))
                         sink += covers_serial(coverage, coverage.gtin, d.serial);
                 });
             }},
            {"Store::read: affected stock lots, issues to cases and progress (" + std::to_string(r.lots_covered) +
                 " lots, " + std::to_string(r.lot_picks) + " picks)", count,
             [&](std::size_t) {
                 store->read([&](db::Transaction& tx) {
                     sink += tx.recall_affected_lots(r.lot_notice).size() + tx.recall_lot_issues(r.lot_notice).size() +
                             tx.recall_progress(r.lot_notice).total;
                 });
             }},
            {"Store::read: one device's open holds (the delivery gate's lookup)", count,
             [&](std::size_t i) {
                 store->read([&](db::Transaction& tx) { sink += tx.open_recall_holds(held + static_cast<db::Id>(i)).size(); });
             }},
        },
        rounds, cap);
    bench::print_table("Recall queries (SQLite file, WAL; each row a read transaction of its own)",
                       {{&rows[0], nullptr}, {&rows[1], &rows[0]}, {&rows[2], &rows[0]}, {&rows[3], &rows[0]},
                        {&rows[4], &rows[0]}});
    const double affected_ms = rows[1].per_op_us() / 1000.0, lots_ms = rows[3].per_op_us() / 1000.0,
                 baseline_ms = rows[0].per_op_us() / 1000.0;
    std::cout << "affected list: " << affected_ms << " ms per query, baseline " << baseline_ms
              << " ms (target under 50 ms: " << (affected_ms < 50.0 ? "met" : "NOT met") << "); affected stock lots: "
              << lots_ms << " ms (" << r.lots_covered << " lots). (" << sink % 10 << ")\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Poco::Util::OptionSet options;
    options.addOption(Option("help", "h", "show the options"));
    options.addOption(Option("devices", "d", "devices in the store (default 10000)").argument("N"));
    options.addOption(Option("lots", "l", "lots of the lot notice (default 1000)").argument("N"));
    options.addOption(Option("count", "n", "queries per row (default 50)").argument("N"));
    options.addOption(Option("max-seconds", "t", "cap on the measured time of all rows together (default 20)").argument("S"));
    try {
        bench::BenchOptions parsed(argc, argv, options);
        if (parsed.help()) {
            bench::print_usage("bhm_bench_recall", "Recall query benchmark: the affected list and its kin over a "
                               "store of 10,000 devices, beside raw sqlite3 (not a test; prints figures).", options);
            return 0;
        }
        return run(parsed);
    } catch (const std::exception& e) {
        std::cerr << "bhm_bench_recall: " << e.what() << "\n";
        return 1;
    }
}
