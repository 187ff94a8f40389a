// bhm_bench_store: what a durable write costs through the Store and through the scan service,
// against raw sqlite3 inserts with the same durability (WAL, synchronous=FULL, a transaction each),
// all on one scratch folder under /tmp that is removed at the end.
#include <Poco/UUIDGenerator.h>
#include <Poco/Util/Option.h>

#include <iostream>
#include <memory>

#include "bench_options.h"
#include "bench_table.h"
#include "raw_sqlite.h"
#include "scratch_folder.h"
#include "db/store.h"
#include "server/app.h"
#include "server/demo/demo_data.h"
#include "server/services/scans.h"

using namespace bhm;
using Poco::Util::Option;

namespace {

constexpr std::size_t rounds = 10;   // each row runs in 10 slices, interleaved with the other rows

std::vector<std::string> fresh_uuids(std::size_t count) {
    std::vector<std::string> ids;
    ids.reserve(count);
    auto& generator = Poco::UUIDGenerator::defaultGenerator();
    for (std::size_t i = 0; i < count; ++i) ids.push_back(generator.createRandom().toString());
    return ids;
}

// The station's scan body is about this size; the raw baseline and the Store write store the same.
const std::string answer_body =
    R"({"id":"00000000-0000-0000-0000-000000000000","result":"ok","mode":"count","replayed":false,)"
    R"("message":"Counted BHM0000001X (available).","device":{"id":1,"asset_tag":"BHM0000001X","state":"available"}})";

// Asset tags of the station's unit, of devices in the warehouse (a count there answers 200).
std::vector<std::string> counted_tags(db::Store& store, db::Id unit_id) {
    std::vector<std::string> tags;
    store.read([&](db::Transaction& tx) {
        db::DeviceFilter filter;
        filter.unit_id = unit_id;
        filter.state = DeviceState::available;
        for (const auto& device : tx.devices(filter, db::Page{1000, 0})) tags.push_back(device.asset_tag);
    });
    if (tags.empty()) throw std::runtime_error("the demo set has no available device in the station's unit");
    return tags;
}

int run(const bench::BenchOptions& options) {
    const std::size_t count = options.count("count", 2000, 10, 100000);
    const double cap = options.seconds("max-seconds", 40, 600);
    bench::ScratchFolder folder;
    std::cout << "bhm_bench_store: up to " << count << " writes per row, rows interleaved in " << rounds
              << " rounds, at most " << cap << " s of measured time; files in " << folder.path()
              << " (removed at the end)\n" << std::flush;

    bench::RawSqlite raw(folder.file("raw.db"));
    auto store = db::open_sqlite_store(folder.file("store.db"));
    server::SystemClock clock;
    const auto demo = server::load_demo_data(*store, clock.now(), "demo");
    server::Authenticator auth(*store, "bench-signing-secret-of-at-least-32-chars", 60);
    const auto station = auth.authenticate(demo.station_token, clock.now());
    if (!station) throw std::runtime_error("the demo station's token was not accepted by the Authenticator");
    const auto tags = counted_tags(*store, station->unit_id);
    server::App app{*store, clock, auth};

    const auto raw_ids = fresh_uuids(count), write_ids = fresh_uuids(count), scan_ids = fresh_uuids(count);
    std::size_t refused = 0;
    std::string first_refusal;
    const auto rows = bench::measure_interleaved(
        {
            {"raw sqlite3: 1 insert per transaction", count,
             [&](std::size_t i) { raw.insert_row(static_cast<long long>(i)); }},
            {"raw sqlite3: event + scan answer rows per transaction", count,
             [&](std::size_t i) { raw.insert_event_and_answer(raw_ids[i], answer_body); }},
            {"Store::write: append_event + insert_scan_answer", count,
             [&](std::size_t i) {
                 store->write([&](db::Transaction& tx) {
                     tx.append_event(db::Event{0, station->unit_id, std::nullopt, std::nullopt, clock.now(),
                                               station->actor(), station->name, write_ids[i], "bench_write", "", "",
                                               "{}"});
                     tx.insert_scan_answer(db::ScanAnswer{write_ids[i], station->unit_id, station->name, 200,
                                                          answer_body, clock.now(), ""});
                 });
             }},
            {"handle_scan in-process: count mode, new id each", count,
             [&](std::size_t i) {
                 server::ScanCommand scan{scan_ids[i], station->name, ScanMode::count, tags[i % tags.size()], "",
                                          std::nullopt};
                 const auto reply = server::handle_scan(app, *station, scan);
                 if (reply.status != 200 && refused++ == 0) first_refusal = std::to_string(reply.status);
             }},
        },
        rounds, cap);
    if (refused > 0)
        throw std::runtime_error(std::to_string(refused) + " count scans were not answered 200 (first: status " +
                                 first_refusal + "); the figures would not measure the ok path");

    bench::print_table("Durable writes (SQLite file in WAL mode, synchronous=FULL, one transaction per operation)",
                       {{&rows[0], nullptr}, {&rows[1], &rows[0]}, {&rows[2], &rows[0]}, {&rows[3], &rows[0]}});
    std::cout << "demo set: " << demo.devices << " devices; the scans counted the " << tags.size()
              << " available devices of the station's unit in turn, every one answered 200\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Poco::Util::OptionSet options;
    options.addOption(Option("help", "h", "show the options"));
    options.addOption(Option("count", "n", "writes per row (default 2000, 10 to 100000)").argument("N"));
    options.addOption(Option("max-seconds", "t", "cap on the measured time of all rows together (default 40)").argument("S"));
    try {
        bench::BenchOptions parsed(argc, argv, options);
        if (parsed.help()) {
            bench::print_usage("bhm_bench_store", "Durable-write benchmark: raw sqlite3 vs the Store vs the scan "
                               "service (not a test; prints figures).", options);
            return 0;
        }
        return run(parsed);
    } catch (const std::exception& e) {
        std::cerr << "bhm_bench_store: " << e.what() << "\n";
        return 1;
    }
}
