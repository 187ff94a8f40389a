// bhm_bench_http: scans over HTTP against the real bhm-server (started here on a loopback port with
// the demo set in a scratch file), one per request and 100 per batch request, each against a bare
// Poco server in this process answering the same requests from the same client with 200 "{}".
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>
#include <Poco/JSON/Parser.h>
#include <Poco/UUIDGenerator.h>
#include <Poco/Util/Option.h>

#include <cstdio>
#include <iostream>
#include <sstream>

#include "bare_http_server.h"
#include "bench_options.h"
#include "bench_table.h"
#include "http_client.h"
#include "scratch_folder.h"
#include "server_process.h"

using namespace bhm;
using Poco::Util::Option;

namespace {

constexpr std::size_t scans_per_batch = 100;   // the most /scans/batch accepts
constexpr std::size_t rounds = 10;             // each row runs in 10 slices, interleaved with the others

Poco::JSON::Object::Ptr parse_object(const std::string& text, const std::string& what) {
    try {
        Poco::JSON::Parser parser;
        auto value = parser.parse(text);
        if (value.type() == typeid(Poco::JSON::Object::Ptr)) return value.extract<Poco::JSON::Object::Ptr>();
    } catch (const Poco::Exception&) {
    }
    throw std::runtime_error(what + ": the answer is not a JSON object: " + text.substr(0, 300));
}

std::string json_text(const Poco::Dynamic::Var& value) {
    std::ostringstream out;
    if (value.type() == typeid(Poco::JSON::Object::Ptr)) value.extract<Poco::JSON::Object::Ptr>()->stringify(out);
    else value.extract<Poco::JSON::Array::Ptr>()->stringify(out);
    return out.str();
}

Poco::JSON::Object::Ptr count_scan(const std::string& tag) {
    Poco::JSON::Object::Ptr scan = new Poco::JSON::Object;
    scan->set("id", Poco::UUIDGenerator::defaultGenerator().createRandom().toString());
    scan->set("mode", "count");
    scan->set("code", tag);
    return scan;
}

// Asset tags of available devices in the station's unit, read through the API as its warehouse user.
std::vector<std::string> available_tags(bench::HttpClient& client, const bench::DemoLogin& login) {
    Poco::JSON::Object::Ptr credentials = new Poco::JSON::Object;
    credentials->set("username", login.username);
    credentials->set("password", login.password);
    auto reply = client.post("/api/v1/auth/login", json_text(credentials));
    if (reply.status != 200)
        throw std::runtime_error("login as demo user '" + login.username + "' failed: " + reply.body.substr(0, 300));
    const std::string token = parse_object(reply.body, "login")->getValue<std::string>("token");
    reply = client.send("GET", "/api/v1/devices?state=available&limit=500", "", token);
    if (reply.status != 200) throw std::runtime_error("listing devices failed: " + reply.body.substr(0, 300));
    std::vector<std::string> tags;
    auto items = parse_object(reply.body, "device list")->getArray("items");
    for (std::size_t i = 0; items && i < items->size(); ++i)
        tags.push_back(items->getObject(static_cast<unsigned>(i))->getValue<std::string>("asset_tag"));
    if (tags.empty()) throw std::runtime_error("the demo set has no available device in the station's unit");
    return tags;
}

void check_single_replies(const std::vector<bench::HttpReply>& replies) {
    for (const auto& reply : replies) {
        if (reply.status != 200 || parse_object(reply.body, "scan")->optValue<std::string>("result", "") != "ok")
            throw std::runtime_error("a count scan was not answered 200 ok (status " + std::to_string(reply.status) +
                                     "): " + reply.body.substr(0, 300));
    }
}

void check_batch_replies(const std::vector<bench::HttpReply>& replies) {
    for (const auto& reply : replies) {
        auto results = reply.status == 200 ? parse_object(reply.body, "batch")->getArray("results") : nullptr;
        if (!results || results->size() != scans_per_batch)
            throw std::runtime_error("a batch was not answered 200 with " + std::to_string(scans_per_batch) +
                                     " results (status " + std::to_string(reply.status) + "): " +
                                     reply.body.substr(0, 300));
        for (std::size_t i = 0; i < results->size(); ++i) {
            auto result = results->getObject(static_cast<unsigned>(i));
            if (result->optValue<int>("http_status", 0) != 200)
                throw std::runtime_error("a scan in a batch was not answered 200: " + json_text(result).substr(0, 300));
        }
    }
}

int run(const bench::BenchOptions& options) {
    const std::size_t count = options.count("count", 1000, 10, 100000);
    const std::size_t batches = options.count("batches", 20, 10, 1000);
    const double cap = options.seconds("max-seconds", 40, 600);
    const std::string binary = options.text("server").value_or(std::string(BHM_BIN_DIR) + "/bhm-server");
    bench::ScratchFolder folder;
    bench::ServerProcess server(binary, folder.file("http.db"), std::chrono::seconds(60));
    bench::BareHttpServer bare;
    std::cout << "bhm_bench_http: bhm-server on 127.0.0.1:" << server.port() << " (demo set in " << folder.path()
              << ", removed at the end), bare Poco server on 127.0.0.1:" << bare.port() << "; " << count
              << " single scans and " << batches << " batches of " << scans_per_batch << ", rows interleaved in "
              << rounds << " rounds, at most " << cap << " s of measured time\n" << std::flush;

    bench::HttpClient client(server.port()), bare_client(bare.port());
    const auto tags = available_tags(client, server.warehouse_login());
    std::vector<std::string> singles, batch_bodies;
    for (std::size_t i = 0; i < count; ++i) singles.push_back(json_text(count_scan(tags[i % tags.size()])));
    for (std::size_t b = 0; b < batches; ++b) {
        Poco::JSON::Array::Ptr scans = new Poco::JSON::Array;
        for (std::size_t i = 0; i < scans_per_batch; ++i)
            scans->add(count_scan(tags[(b * scans_per_batch + i) % tags.size()]));
        Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
        body->set("scans", scans);
        batch_bodies.push_back(json_text(body));
    }

    // The same bodies go to both servers; bhm-server's replies are kept and checked after the clock stops.
    const std::string token = server.station_token();
    std::vector<bench::HttpReply> single_replies, batch_replies;
    single_replies.reserve(count);
    batch_replies.reserve(batches);
    const auto rows = bench::measure_interleaved(
        {
            {"bare Poco handler: POST a 1-scan body", count,
             [&](std::size_t i) { bare_client.post("/api/v1/scans", singles[i]); }},
            {"bhm-server POST /api/v1/scans (count mode)", count,
             [&](std::size_t i) { single_replies.push_back(client.post("/api/v1/scans", singles[i], token)); }},
            {"bare Poco handler: POST a 100-scan body (per scan)", batches,
             [&](std::size_t i) { bare_client.post("/api/v1/scans/batch", batch_bodies[i]); }, scans_per_batch},
            {"bhm-server POST /api/v1/scans/batch, 100 each (per scan)", batches,
             [&](std::size_t i) {
                 batch_replies.push_back(client.post("/api/v1/scans/batch", batch_bodies[i], token));
             },
             scans_per_batch},
        },
        rounds, cap);
    check_single_replies(single_replies);
    check_batch_replies(batch_replies);
    const int exit_code = server.stop();

    bench::print_table("Scans over HTTP (one keep-alive connection per server, sequential requests, 127.0.0.1)",
                       {{&rows[0], nullptr}, {&rows[1], &rows[0]}, {&rows[2], nullptr}, {&rows[3], &rows[2]}});
    const double batching = rows[1].per_op_us() > 0 ? rows[3].per_op_us() / rows[1].per_op_us() : 0.0;
    std::printf("per scan, a batch of %zu costs %.2fx of a scan sent alone (D / B)\n", scans_per_batch, batching);
    std::cout << "every scan answered 200 ok; bhm-server stopped with exit code " << exit_code << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    Poco::Util::OptionSet options;
    options.addOption(Option("help", "h", "show the options"));
    options.addOption(Option("count", "n", "single-scan requests (default 1000, 10 to 100000)").argument("N"));
    options.addOption(Option("batches", "b", "batch requests of 100 scans (default 20, 10 to 1000)").argument("B"));
    options.addOption(Option("max-seconds", "t", "cap on the measured time of all rows together (default 40)").argument("S"));
    options.addOption(Option("server", "s", "the bhm-server binary (default: the build's bin/bhm-server)")
                          .argument("PATH"));
    try {
        bench::BenchOptions parsed(argc, argv, options);
        if (parsed.help()) {
            bench::print_usage("bhm_bench_http", "HTTP scan benchmark: bhm-server vs a bare Poco handler "
                               "(not a test; prints figures).", options);
            return 0;
        }
        return run(parsed);
    } catch (const std::exception& e) {
        std::cerr << "bhm_bench_http: " << e.what() << "\n";
        return 1;
    }
}
