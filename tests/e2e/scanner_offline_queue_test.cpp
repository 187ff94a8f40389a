// The scan station's offline promise, end to end: the real bhm-scan queues the scans it makes while
// the real bhm-server is down, and once the server is back each one arrives exactly once; a scan the
// server refuses comes back to `bhm-scan review` with the server's reason.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <sstream>

#include <Poco/TemporaryFile.h>

#include "api_client.h"
#include "server_process.h"
#include "workflow_steps.h"

using namespace bhm::e2e;

namespace {

constexpr int scans_per_station = 5;

// One scan station: bhm-scan with its own queue file in a temporary folder, talking to one server.
class ScanStation {
public:
    explicit ScanStation(const ServerProcess& server)
        : server_(server), folder_(Poco::TemporaryFile::tempName() + "-bhm-e2e-station") {
        std::filesystem::create_directories(folder_);
    }
    ~ScanStation() {
        std::error_code ec;
        std::filesystem::remove_all(folder_, ec);
    }
    ScanStation(const ScanStation&) = delete;
    ScanStation& operator=(const ScanStation&) = delete;

    // `bhm-scan listen --stdin` in receive mode, one scan per line, ending after all of them.
    ProgramRun listen(const std::vector<std::string>& codes) const {
        std::string input;
        for (const auto& code : codes) input += code + "\n";
        return run({"listen", "--stdin", "--station", server_.station_name(), "--mode", "receive", "--max-scans",
                    std::to_string(codes.size()), "--timeout", "15"},
                   input);
    }
    ProgramRun sync() const { return run({"sync"}); }
    ProgramRun review() const { return run_program({binary_path("bhm-scan"), "review", "--queue", queue()}); }

private:
    std::string queue() const { return folder_ + "/q.db"; }

    ProgramRun run(std::vector<std::string> words, const std::string& input = "") const {
        std::vector<std::string> args{binary_path("bhm-scan")};
        args.insert(args.end(), words.begin(), words.end());
        for (const auto& link : std::vector<std::string>{"--server", server_.base_url(), "--token",
                                                         server_.station_token(), "--queue", queue(),
                                                         "--http-timeout", "3"})
            args.push_back(link);
        return run_program(args, input, 20);
    }

    const ServerProcess& server_;
    std::string folder_;
};

std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
    std::vector<std::string> found;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line))
        if (line.rfind(prefix, 0) == 0) found.push_back(line);
    return found;
}

std::string device_key(const std::string& serial, long long model_id) {
    return serial + " of model " + std::to_string(model_id);
}

// The devices of the warehouse user's unit by serial and model; REQUIREs that none is there twice.
std::map<std::string, Poco::JSON::Object::Ptr> devices_by_serial(const ApiClient& warehouse) {
    std::map<std::string, Poco::JSON::Object::Ptr> by_serial;
    for (const auto& device : all_devices(warehouse)) {
        REQUIRE(device->getObject("model"));
        const auto key = device_key(text_of(device, "serial"), id_of(device->getObject("model")));
        const bool added = by_serial.emplace(key, device).second;
        INFO("device listed twice: " << to_json(device));
        REQUIRE(added);
    }
    return by_serial;
}

// The device with this serial and model, or null.
Poco::JSON::Object::Ptr find_device(const std::map<std::string, Poco::JSON::Object::Ptr>& devices,
                                    const std::string& serial, const Poco::JSON::Object::Ptr& model) {
    auto found = devices.find(device_key(serial, id_of(model)));
    return found == devices.end() ? nullptr : found->second;
}

// The device's history holds exactly one `received` event, and it names the scan that made it.
void require_received_once(const ApiClient& warehouse, const Poco::JSON::Object::Ptr& device) {
    auto events = device_events(warehouse, id_of(device));
    std::vector<Poco::JSON::Object::Ptr> received;
    for (const auto& item : *events) {
        auto event = item.extract<Poco::JSON::Object::Ptr>();
        if (text_of(event, "kind") == "received") received.push_back(event);
    }
    INFO("device " << to_json(device));
    REQUIRE(received.size() == 1);
    INFO("received event " << to_json(received.front()));
    CHECK_FALSE(text_of(received.front(), "scan_id").empty());
}

// Stops the server, scans the codes at a station with listen (each one must say QUEUED), and starts
// the server again on the same port and database.
void scan_while_server_is_down(ServerProcess& server, const ScanStation& station,
                               const std::vector<std::string>& codes) {
    server.stop();
    auto listen = station.listen(codes);
    INFO("bhm-scan listen: " << listen.describe());
    REQUIRE(listen.exit_code == 0);
    CHECK(lines_starting(listen.out, "QUEUED ").size() == codes.size());
    CHECK(lines_starting(listen.out, "OK").empty());
    CHECK(lines_starting(listen.out, "REFUSED").empty());
    server.restart();
}

}  // namespace

TEST_CASE("scans made while the server is down are queued and arrive exactly once when it is back",
          "[e2e][scanner]") {
    ServerProcess server;   // restart() keeps its port, as a station's configured --server URL does
    const std::uint16_t port = server.port();
    auto model = model_of_category(login(server, "warehouse"), "cpap");
    const auto before = devices_by_serial(login(server, "warehouse"));
    std::vector<std::string> serials, codes;
    for (int i = 0; i < scans_per_station; ++i) {
        serials.push_back(new_serial());
        codes.push_back(gs1_device_label(text_of(model, "gtin"), serials.back()));
    }

    ScanStation station(server);
    scan_while_server_is_down(server, station, codes);
    REQUIRE(server.port() == port);
    auto warehouse = login(server, "warehouse");
    CHECK(devices_by_serial(warehouse).size() == before.size());   // nothing arrived before the sync

    auto sync = station.sync();
    INFO("bhm-scan sync: " << sync.describe());
    REQUIRE(sync.exit_code == 0);
    CHECK(lines_starting(sync.out, "OK").size() == codes.size());
    CHECK(lines_starting(sync.out, "REFUSED").empty());

    const auto after = devices_by_serial(warehouse);
    CHECK(after.size() == before.size() + codes.size());
    for (const auto& serial : serials) {
        INFO("serial " << serial);
        auto device = find_device(after, serial, model);
        REQUIRE(device);
        CHECK(text_of(device, "state") == "received");
        require_received_once(warehouse, device);
    }

    auto again = station.sync();
    INFO("second bhm-scan sync: " << again.describe());
    REQUIRE(again.exit_code == 0);
    CHECK(lines_starting(again.out, "OK").empty());
    CHECK(again.err.find("sync: 0 accepted, 0 refused") != std::string::npos);
    CHECK(devices_by_serial(warehouse).size() == after.size());
    for (const auto& serial : serials) require_received_once(warehouse, find_device(after, serial, model));

    auto review = station.review();
    INFO("bhm-scan review: " << review.describe());
    REQUIRE(review.exit_code == 0);
    CHECK(review.out.find("no refusals to review") != std::string::npos);
}

TEST_CASE("a queued scan the server refuses is kept for review with its reason and the others arrive",
          "[e2e][scanner]") {
    ServerProcess server;   // restart() keeps its port, as a station's configured --server URL does
    auto warehouse_before = login(server, "warehouse");
    auto model = model_of_category(warehouse_before, "cpap");
    const std::string unknown_gtin = gtin_not_in_catalogue(warehouse_before);
    const auto before = devices_by_serial(warehouse_before);
    std::vector<std::string> serials, codes;
    for (int i = 0; i < scans_per_station; ++i) {
        serials.push_back(new_serial());
        codes.push_back(gs1_device_label(i == 2 ? unknown_gtin : text_of(model, "gtin"), serials.back()));
    }

    ScanStation station(server);
    scan_while_server_is_down(server, station, codes);
    auto warehouse = login(server, "warehouse");

    auto sync = station.sync();
    INFO("bhm-scan sync: " << sync.describe());
    REQUIRE(sync.exit_code == 0);
    CHECK(lines_starting(sync.out, "OK").size() == codes.size() - 1);
    const auto refused = lines_starting(sync.out, "REFUSED");
    REQUIRE(refused.size() == 1);
    CHECK(refused.front().find(unknown_gtin) != std::string::npos);
    CHECK(refused.front().find("kept for review") != std::string::npos);

    const auto after = devices_by_serial(warehouse);
    CHECK(after.size() == before.size() + codes.size() - 1);
    for (std::size_t i = 0; i < serials.size(); ++i) {
        INFO("serial " << serials[i]);
        auto device = find_device(after, serials[i], model);
        if (i == 2) {
            CHECK_FALSE(device);
            continue;
        }
        REQUIRE(device);
        CHECK(text_of(device, "state") == "received");
        require_received_once(warehouse, device);
    }

    auto review = station.review();
    INFO("bhm-scan review: " << review.describe());
    REQUIRE(review.exit_code == 0);
    const auto listed = lines_starting(review.out, "20");   // each refusal line starts with its scan time
    REQUIRE(listed.size() == 1);
    CHECK(listed.front().find("SN " + serials[2]) != std::string::npos);
    CHECK(listed.front().find("No device model with GTIN " + unknown_gtin + " is in the catalogue") !=
          std::string::npos);
    CHECK(review.out.find("1 refusal(s)") != std::string::npos);

    auto again = station.sync();
    INFO("second bhm-scan sync: " << again.describe());
    REQUIRE(again.exit_code == 0);
    CHECK(again.out.empty());
    CHECK(devices_by_serial(warehouse).size() == after.size());
}
