// bhm_bench_national: the hot reads at national scale. Starts the real bhm-server on the cached national store
// (national_store.h; 1,000,000 devices, 200,000 open loans, 10,000,000 events), logs in as a manager of the
// largest unit and times each read over HTTP beside the same SQL run with raw sqlite3, then the server's peak RSS.
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/Util/Option.h>
#include <Poco/Util/OptionSet.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench_options.h"
#include "db/sqlite/hot_queries.h"
#include "db/sqlite/recall_queries.h"
#include "http_client.h"
#include "national_store.h"
#include "server/auth/password.h"
#include "server_process.h"
#include "shared/core/norway_time.h"

namespace bhm {
namespace {

using Poco::Util::Option;
using Clock = std::chrono::steady_clock;

// Raw sqlite3 on the same file, read-only: the baseline, and the look-ups of what to ask for.
class RawReader {
public:
    explicit RawReader(const std::string& path) {
        if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK)
            throw std::runtime_error("cannot open " + path + " read-only");
    }
    ~RawReader() { sqlite3_close(db_); }
    RawReader(const RawReader&) = delete;
    RawReader& operator=(const RawReader&) = delete;

    // Runs `sql` with text parameters, reads every column of every row; returns the row count.
    std::size_t run(const std::string& sql, const std::vector<std::string>& params) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("raw sqlite3: ") + sqlite3_errmsg(db_) + " in " + sql);
        for (std::size_t i = 0; i < params.size(); ++i) bind(s, static_cast<int>(i + 1), params[i]);
        std::size_t rows = 0, bytes = 0;
        while (sqlite3_step(s) == SQLITE_ROW) {
            ++rows;
            for (int c = 0; c < sqlite3_column_count(s); ++c) bytes += static_cast<std::size_t>(sqlite3_column_bytes(s, c));
        }
        sqlite3_finalize(s);
        sink_ += bytes;
        return rows;
    }

    std::string text(const std::string& sql, const std::vector<std::string>& params = {}) {
        sqlite3_stmt* s = nullptr;
        if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("raw sqlite3: ") + sqlite3_errmsg(db_) + " in " + sql);
        for (std::size_t i = 0; i < params.size(); ++i)
            sqlite3_bind_text(s, static_cast<int>(i + 1), params[i].c_str(), -1, SQLITE_TRANSIENT);
        std::string value;
        if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
            value = reinterpret_cast<const char*>(sqlite3_column_text(s, 0));
        sqlite3_finalize(s);
        if (value.empty()) throw std::runtime_error("the national store has no answer to " + sql);
        return value;
    }

private:
    // A whole number binds as an integer (ids, LIMIT), anything else as text (dates, states), as the store does.
    static void bind(sqlite3_stmt* s, int index, const std::string& value) {
        const bool number = !value.empty() && value.find_first_not_of("-0123456789") == std::string::npos &&
                            value.find('-', 1) == std::string::npos;
        if (number) sqlite3_bind_int64(s, index, std::stoll(value));
        else sqlite3_bind_text(s, index, value.c_str(), -1, SQLITE_TRANSIENT);
    }

    sqlite3* db_ = nullptr;
    std::size_t sink_ = 0;
};

struct Read {
    Read(std::string name, std::string path, std::string sql, std::vector<std::string> params, double target_ms = 200)
        : name(std::move(name)), path(std::move(path)), sql(std::move(sql)), params(std::move(params)),
          target_ms(target_ms) {}
    std::string name;
    std::string path;                      // the HTTP request
    std::string sql;                       // the baseline: the store's SQL for it
    std::vector<std::string> params;
    double target_ms = 200;
    std::vector<double> http_ms, raw_ms;
    std::size_t raw_rows = 0, bytes = 0;
};

double percentile(std::vector<double> values, double p) {
    std::sort(values.begin(), values.end());
    const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
    return values[std::min(index, values.size() - 1)];
}

long peak_rss_kb(long pid) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind("VmHWM:", 0) == 0) return std::stol(line.substr(6));
    return -1;
}

double elapsed_ms(Clock::time_point since) {
    return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

int run(const bench::BenchOptions& options) {
    double scale = 1.0;
    if (auto text = options.text("scale")) {
        char* end = nullptr;
        scale = std::strtod(text->c_str(), &end);
        if (text->empty() || *end != '\0' || !(scale > 0.0 && scale <= 1.0))
            throw std::invalid_argument("--scale must be a number in (0, 1], not '" + *text + "'");
    }
    const std::size_t runs = options.count("runs", 20, 3, 10000);
    const std::string server = options.text("server").value_or(std::string(BHM_BIN_DIR) + "/bhm-server");
    const Timestamp now{std::chrono::duration_cast<std::chrono::seconds>(
                            std::chrono::system_clock::now().time_since_epoch()).count()};

    const bool cached = !options.text("rebuild") && std::filesystem::exists(bench::national_store_path(scale));
    const auto started = Clock::now();
    const std::string path = bench::national_store(scale, options.text("rebuild").has_value(),
                                                   server::hash_password(bench::national_password), now);
    const double store_seconds = elapsed_ms(started) / 1000.0;
    const auto plan = bench::national_plan(scale);
    const auto& unit = plan.largest_unit();

    RawReader raw(path);
    const std::string unit_id = raw.text("SELECT id FROM units WHERE code = ?", {unit.code});
    const std::string device_id = raw.text(
        "SELECT id FROM devices WHERE unit_id = ? AND state = 'on_loan' ORDER BY id LIMIT 1 OFFSET 100", {unit_id});
    const std::string notice_id = raw.text("SELECT id FROM recall_notices WHERE unit_id = ?", {unit_id});
    const std::string today = to_iso(local_date(now)), within_30 = to_iso(add_days(local_date(now), 30));
    const std::string overdue_by = to_iso(add_days(local_date(now), -1));   // the route's "past due": due_on < today
    const std::string year = std::to_string(local_date(now).year);
    const std::string region_units =
        "(SELECT id FROM units WHERE region_id = (SELECT region_id FROM units WHERE id = " + unit_id + "))";

    std::vector<Read> reads{
        {"overdue loans, one unit", "/api/v1/loans/overdue?limit=100", db::sqlite_sql::open_loans_due_page,
         {unit_id, overdue_by, "", "0", "100"}},
        {"inspections due, one unit", "/api/v1/inspections/due?within_days=30&limit=100",
         db::sqlite_sql::devices_inspection_due_page, {unit_id, within_30, "", "0", "100"}},
        {"one device's history", "/api/v1/devices/" + device_id + "/history", db::sqlite_sql::device_events,
         {device_id}},
        {"device list, state+category", "/api/v1/devices?state=available&category=cpap&limit=100",
         db::sqlite_sql::device_list(true, false, true, true, false), {"0", unit_id, "available", "cpap", "100"}},
        {"recall affected devices", "/api/v1/recalls/" + notice_id + "/affected", db::sqlite_sql::recall_affected_devices,
         {notice_id}},
        {"annual report, whole region", "/api/v1/reports/annual?year=" + year + "&scope=region",
         "SELECT l.unit_id, c.category, count(*), sum(l.returned_at IS NOT NULL) FROM loans l "
         "JOIN cases c ON c.id = l.case_id WHERE l.unit_id IN " + region_units +
             " AND l.delivered_at <= ? AND (l.returned_at IS NULL OR l.returned_at >= ?) GROUP BY 1, 2",
         {year + "-12-31T23:59:59Z", year + "-01-01T00:00:00Z"}, 1000},
    };

    std::cout << "\nNational-scale reads: " << plan.devices() << " devices, " << plan.open_loans() << " open loans, ~"
              << plan.events() << " events in " << plan.units.size() << " units (scale " << scale << "); store "
              << path << " (" << (cached ? "cached, " : "built in ") << static_cast<int>(store_seconds + 0.5)
              << " s)\n";
    bench::ServerProcess process(server, path, std::chrono::seconds(120), false);
    bench::HttpClient client(process.port(), 300);
    const auto login = client.post("/api/v1/auth/login", "{\"username\":\"" + bench::national_manager(unit.code) +
                                                              "\",\"password\":\"" + bench::national_password + "\"}");
    if (login.status != 200) throw std::runtime_error("login failed: " + std::to_string(login.status) + " " + login.body);
    const std::string token =
        Poco::JSON::Parser().parse(login.body).extract<Poco::JSON::Object::Ptr>()->getValue<std::string>("token");

    // One untimed round first (the store's pages into the OS cache and the server's statement caches), then
    // `runs` rounds, each asking every read once over HTTP and once with raw sqlite3.
    for (std::size_t round = 0; round <= runs; ++round) {
        for (auto& read : reads) {
            auto t = Clock::now();
            const auto reply = client.send("GET", read.path, "", token);
            const double http = elapsed_ms(t);
            if (reply.status != 200)
                throw std::runtime_error(read.path + " answered " + std::to_string(reply.status) + ": " +
                                         reply.body.substr(0, 300));
            t = Clock::now();
            const std::size_t rows = raw.run(read.sql, read.params);
            const double direct = elapsed_ms(t);
            if (round == 0) continue;
            read.http_ms.push_back(http);
            read.raw_ms.push_back(direct);
            read.raw_rows = rows;
            read.bytes = reply.body.size();
        }
    }
    const long rss = peak_rss_kb(process.pid());

    std::printf("\n%-30s %9s %9s %9s %9s %9s %8s %8s %7s %s\n", "read (HTTP, keep-alive)", "p50 ms", "p99 ms",
                "max ms", "raw p50", "raw max", "ratio", "rows", "KB", "target");
    for (const auto& read : reads) {
        const double p50 = percentile(read.http_ms, 0.5), p99 = percentile(read.http_ms, 0.99),
                     max = percentile(read.http_ms, 1.0), raw50 = percentile(read.raw_ms, 0.5),
                     raw_max = percentile(read.raw_ms, 1.0);
        std::printf("%-30s %9.2f %9.2f %9.2f %9.2f %9.2f %7.1fx %8zu %7zu < %.0f ms: %s\n", read.name.c_str(), p50, p99,
                    max, raw50, raw_max, raw50 > 0 ? p50 / raw50 : 0.0, read.raw_rows, read.bytes / 1024,
                    read.target_ms, p99 < read.target_ms ? "met" : "NOT met");
    }
    std::printf("%zu timed rounds (after one untimed); raw = the store's SQL with raw sqlite3 on the same file, rows read "
                "to the end; ratio = HTTP p50 / raw p50.\n", runs);
    std::printf("bhm-server peak RSS (VmHWM): %.1f MB (target under 200 MB: %s)\n", rss / 1024.0,
                rss >= 0 && rss < 200 * 1024 ? "met" : "NOT met");
    process.stop();
    return 0;
}

}  // namespace
}  // namespace bhm

int main(int argc, char** argv) {
    using Poco::Util::Option;
    Poco::Util::OptionSet options;
    options.addOption(Option("help", "h", "show the options"));
    options.addOption(Option("scale", "s", "share of the national size (default 1; e.g. 0.02 for a quick run)").argument("F"));
    options.addOption(Option("rebuild", "r", "build the national store again even if it is cached"));
    options.addOption(Option("runs", "n", "timed rounds of every read (default 20)").argument("N"));
    options.addOption(Option("server", "", "the bhm-server binary (default: the build's)").argument("PATH"));
    try {
        bhm::bench::BenchOptions parsed(argc, argv, options);
        if (parsed.help()) {
            bhm::bench::print_usage("bhm_bench_national",
                                    "National-scale reads over HTTP on a generated store, beside raw sqlite3 (not a "
                                    "test; prints figures).", options);
            return 0;
        }
        return bhm::run(parsed);
    } catch (const std::exception& e) {
        std::cerr << "bhm_bench_national: " << e.what() << "\n";
        return 1;
    }
}
