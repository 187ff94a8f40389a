// bhm_bench_ingest: scan ingest under load against the real bhm-server (demo set in a scratch file),
// each figure beside a baseline measured in the same run: a bare Poco handler answering the same
// requests over the same connections, and raw sqlite3 inserting 100 rows per FULL-synced
// transaction. Prints rates, p50/p99/max latency and the ratio to the issue's targets (issue 9):
//   A/B  single scans from 32 keep-alive connections, closed loop: at least 40 % of the bare handler;
//   C/D  /scans/batch of 100: at least 50 % of raw SQLite's rows per second at 100 rows a transaction;
//   E    a fixed 1,000 scans/s, open loop (latency from when each was due): p99 under 5 ms;
//   F    single scans with the overdue list and the device list read alongside: at most 20 % slower.
// Not a test: nothing passes or fails on a figure.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>
#include <Poco/Util/Option.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <exception>
#include <thread>

#include "bare_http_server.h"
#include "bench_options.h"
#include "http_client.h"
#include "load_generator.h"
#include "raw_sqlite.h"
#include "scratch_folder.h"
#include "server_process.h"

using namespace bhm;
using Poco::Util::Option;
using namespace std::chrono;

namespace {

constexpr std::size_t scans_per_batch = 100;

Poco::JSON::Object::Ptr parse_object(const std::string& text, const std::string& what) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(text);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
    }
    throw std::runtime_error(what + ": the answer is not a JSON object: " + text.substr(0, 300));
}

std::string new_id() { return Poco::UUIDGenerator::defaultGenerator().createRandom().toString(); }

std::string count_scan(const std::string& tag) {
    return "{\"id\":\"" + new_id() + "\",\"mode\":\"count\",\"code\":\"" + tag + "\"}";
}

std::string http_request(const std::string& method, const std::string& path, const std::string& body,
                         const std::string& token) {
    std::string request = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    if (!token.empty()) request += "Authorization: Bearer " + token + "\r\n";
    if (!body.empty() || method == "POST")
        request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
    return request + "\r\n" + body;
}

struct Logins {
    std::string user_token;           // the warehouse user's, for the reads
    std::vector<std::string> tags;    // available devices of the station's unit
};

Logins log_in(unsigned short port, const bench::DemoLogin& login) {
    bench::HttpClient client(port);
    auto reply = client.post("/api/v1/auth/login",
                             "{\"username\":\"" + login.username + "\",\"password\":\"" + login.password + "\"}");
    if (reply.status != 200) throw std::runtime_error("login failed: " + reply.body.substr(0, 300));
    Logins logins;
    logins.user_token = parse_object(reply.body, "login")->getValue<std::string>("token");
    reply = client.send("GET", "/api/v1/devices?state=available&limit=500", "", logins.user_token);
    auto items = reply.status == 200 ? parse_object(reply.body, "device list")->getArray("items") : nullptr;
    for (std::size_t i = 0; items && i < items->size(); ++i)
        logins.tags.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("asset_tag"));
    if (logins.tags.empty()) throw std::runtime_error("the demo set has no available device in the station's unit");
    return logins;
}

struct Row {
    std::string label, operation;
    double per_second = 0;
    double p50 = 0, p99 = 0, max = 0;
    bool latency = true;
};

Row row_of(const std::string& label, const std::string& operation, const bench::LoadResult& result,
           std::size_t per_request = 1) {
    if (result.failures > 0) {
        throw std::runtime_error(operation + ": " + std::to_string(result.failures) + " requests failed, the first " +
                                 std::to_string(result.first_failure_status) + ": " + result.first_failure_body);
    }
    return Row{label, operation, result.per_second() * static_cast<double>(per_request), result.percentile_ms(50),
               result.percentile_ms(99), result.max_ms()};
}

void print_row(const Row& row, const std::string& versus = "") {
    if (row.latency)
        std::printf("  %-2s %-64s %10.0f/s  %7.2f %7.2f %8.2f  %s\n", row.label.c_str(), row.operation.c_str(),
                    row.per_second, row.p50, row.p99, row.max, versus.c_str());
    else
        std::printf("  %-2s %-64s %10.0f/s  %7s %7s %8s  %s\n", row.label.c_str(), row.operation.c_str(),
                    row.per_second, "-", "-", "-", versus.c_str());
}

std::string ratio(const Row& measured, const Row& baseline, double target, bool at_least = true) {
    const double value = baseline.per_second > 0 ? measured.per_second / baseline.per_second : 0;
    char text[160];
    std::snprintf(text, sizeof text, "%.1f %% of %s (target %s %.0f %%: %s)", value * 100, baseline.label.c_str(),
                  at_least ? ">=" : "<=", target * 100, (at_least ? value >= target : value <= target) ? "met" : "NOT met");
    return text;
}

int run(const bench::BenchOptions& options) {
    const auto seconds = options.count("seconds", 8, 2, 120);
    const auto connections = options.count("connections", 32, 1, 256);
    const auto rate = static_cast<double>(options.count("rate", 1000, 10, 100000));
    const std::string binary = options.text("server").value_or(std::string(BHM_BIN_DIR) + "/bhm-server");
    const milliseconds span(seconds * 1000);

    bench::ScratchFolder folder;
    bench::ServerProcess server(binary, folder.file("ingest.db"), std::chrono::seconds(60));
    bench::BareHttpServer bare;
    bench::RawSqlite raw(folder.file("raw.db"));
    const Logins logins = log_in(server.port(), server.warehouse_login());
    const std::string token = server.station_token();
    std::cout << "bhm_bench_ingest: bhm-server on 127.0.0.1:" << server.port() << " (demo set in " << folder.path()
              << ", removed at the end), bare Poco server on 127.0.0.1:" << bare.port() << "; " << connections
              << " keep-alive connections, " << seconds << " s per row\n" << std::flush;

    const auto single = [&](std::size_t n) {
        return http_request("POST", "/api/v1/scans", count_scan(logins.tags[n % logins.tags.size()]), token);
    };
    const auto batch = [&](std::size_t n) {
        std::string body = "{\"scans\":[";
        for (std::size_t i = 0; i < scans_per_batch; ++i)
            body += (i ? "," : "") + count_scan(logins.tags[(n * scans_per_batch + i) % logins.tags.size()]);
        return http_request("POST", "/api/v1/scans/batch", body + "]}", token);
    };

    // Single scans, closed loop.
    const Row a = row_of("A", "bare Poco handler: POST a 1-scan body", bench::closed_loop(bare.port(), connections, span, single));
    const Row b = row_of("B", "bhm-server POST /api/v1/scans (count mode)", bench::closed_loop(server.port(), connections, span, single));

    // Batches of 100 against raw SQLite inserting 100 rows per transaction.
    Row c{"C", "raw sqlite3: 100 rows per FULL-synced transaction (rows)"};
    c.latency = false;
    {
        const auto started = steady_clock::now();
        long long rows = 0;
        while (steady_clock::now() - started < span) {
            raw.insert_rows(rows, static_cast<int>(scans_per_batch));
            rows += static_cast<long long>(scans_per_batch);
        }
        c.per_second = static_cast<double>(rows) / duration<double>(steady_clock::now() - started).count();
    }
    const std::size_t batch_connections = std::min<std::size_t>(connections, 4);
    const Row d = row_of("D", "bhm-server POST /scans/batch of 100, " + std::to_string(batch_connections) + " connections (scans)",
                         bench::closed_loop(server.port(), batch_connections, span, batch), scans_per_batch);

    // Open loop at a fixed rate.
    const Row e0 = row_of("E0", "bare Poco handler at a fixed " + std::to_string(static_cast<int>(rate)) + "/s, open loop",
                          bench::open_loop(bare.port(), connections, rate, span, single));
    const Row e = row_of("E", "bhm-server POST /api/v1/scans at a fixed " + std::to_string(static_cast<int>(rate)) + "/s, open loop",
                         bench::open_loop(server.port(), connections, rate, span, single));

    // Single scans with reads alongside: 2 connections reading the overdue list and the device list.
    std::atomic<bool> reading{true};
    bench::LoadResult reads;
    std::exception_ptr reader_failure;
    std::thread readers([&] {
        try {
            const std::string overdue = http_request("GET", "/api/v1/loans/overdue", "", logins.user_token);
            const std::string devices = http_request("GET", "/api/v1/devices?state=available&limit=50", "", logins.user_token);
            reads = bench::closed_loop(server.port(), 2, span + milliseconds(200),
                                       [&](std::size_t n) { return n % 2 ? devices : overdue; });
        } catch (...) {
            reader_failure = std::current_exception();
        }
        reading = false;
    });
    std::this_thread::sleep_for(milliseconds(100));
    // The readers' thread is joined before any row can throw, so a failed row reports itself.
    bench::LoadResult scans_alongside;
    std::exception_ptr scan_failure;
    try {
        scans_alongside = bench::closed_loop(server.port(), connections, span, single);
    } catch (...) {
        scan_failure = std::current_exception();
    }
    readers.join();
    if (scan_failure) std::rethrow_exception(scan_failure);
    if (reader_failure) std::rethrow_exception(reader_failure);
    const Row f = row_of("F", "bhm-server POST /api/v1/scans while 2 connections read", scans_alongside);
    const Row g = row_of("G", "  the reads meanwhile (GET /loans/overdue, /devices?limit=50)", reads);
    const int exit_code = server.stop();

    std::printf("\nScan ingest under load (%zu keep-alive connections, 127.0.0.1, %zu s per row)\n", connections, seconds);
    std::printf("  %-2s %-64s %12s  %7s %7s %8s  %s\n", "", "operation", "rate", "p50 ms", "p99 ms", "max ms", "versus");
    print_row(a, "baseline");
    print_row(b, ratio(b, a, 0.40));
    print_row(c, "baseline");
    print_row(d, ratio(d, c, 0.50));
    print_row(e0, "baseline");
    char open_loop[120];
    std::snprintf(open_loop, sizeof open_loop, "p99 %.2f ms (target < 5 ms: %s); %.0f answered/s", e.p99,
                  e.p99 < 5.0 ? "met" : "NOT met", e.per_second);
    print_row(e, open_loop);
    const double drop = b.per_second > 0 ? 1.0 - f.per_second / b.per_second : 0;
    char alongside[120];
    std::snprintf(alongside, sizeof alongside, "%.1f %% slower than B (target <= 20 %%: %s)", drop * 100,
                  drop <= 0.20 ? "met" : "NOT met");
    print_row(f, alongside);
    print_row(g);
    std::cout << "every request answered 2xx; bhm-server stopped with exit code " << exit_code << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Poco::Util::OptionSet options;
    options.addOption(Option("help", "h", "show the options"));
    options.addOption(Option("seconds", "t", "seconds per row (default 8, 2 to 120)").argument("S"));
    options.addOption(Option("connections", "c", "keep-alive connections (default 32)").argument("N"));
    options.addOption(Option("rate", "r", "open-loop scans per second (default 1000)").argument("R"));
    options.addOption(Option("server", "s", "the bhm-server binary (default: the build's bin/bhm-server)").argument("PATH"));
    try {
        bench::BenchOptions parsed(argc, argv, options);
        if (parsed.help()) {
            bench::print_usage("bhm_bench_ingest", "Scan ingest under load: bhm-server vs a bare Poco handler and raw "
                               "SQLite (not a test; prints figures).", options);
            return 0;
        }
        return run(parsed);
    } catch (const std::exception& e) {
        std::cerr << "bhm_bench_ingest: " << e.what() << "\n";
        return 1;
    }
}
