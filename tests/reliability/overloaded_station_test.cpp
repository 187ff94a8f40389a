// A scan station meets an overloaded server: the real bhm-scan, refused with 503 because its
// address holds all the connections it may, keeps the scan queued and sends it once there is room.
#include <catch2/catch.hpp>

#include <filesystem>
#include <vector>

#include <Poco/TemporaryFile.h>

#include "normal_service.h"
#include "raw_connection.h"
#include "workflow_steps.h"

using namespace bhm;
using namespace bhm::reliability;

TEST_CASE("bhm-scan keeps a scan queued while the server answers 503, and sends it once later", "[reliability][overload]") {
    e2e::ServerProcess server({.environment = {{"BHM_MAX_CONNECTIONS_PER_ADDRESS", "4"}}});
    auto warehouse = e2e::login(server, "warehouse");
    auto model = e2e::model_of_category(warehouse, "oxygen_concentrator");
    const std::string serial = e2e::new_serial();
    const std::string code = e2e::gs1_device_label(e2e::text_of(model, "gtin"), serial);
    const std::string folder = Poco::TemporaryFile::tempName() + "-bhm-overload-station";
    std::filesystem::create_directories(folder);
    auto scan = [&](std::vector<std::string> words, const std::string& input = "") {
        std::vector<std::string> args{e2e::binary_path("bhm-scan")};
        args.insert(args.end(), words.begin(), words.end());
        const std::vector<std::string> link{"--server", server.base_url(), "--token", server.station_token(),
                                            "--queue", folder + "/q.db", "--http-timeout", "3"};
        args.insert(args.end(), link.begin(), link.end());
        return e2e::run_program(args, input, 20);
    };
    {
        std::vector<RawConnection> held;   // the station's own address, 127.0.0.1, is full
        for (int i = 0; i < 4; ++i) held.emplace_back(server.port());
        auto run = scan({"listen", "--stdin", "--station", server.station_name(), "--mode", "receive", "--max-scans",
                         "1", "--timeout", "10"},
                        code + "\n");
        INFO(run.describe());
        CHECK(run.out.find("QUEUED") != std::string::npos);
    }
    auto before = warehouse.get("/api/v1/devices?limit=500").body;
    CHECK(before.find(serial) == std::string::npos);   // not applied while refused
    auto sync = scan({"sync"});
    INFO(sync.describe());
    CHECK(sync.exit_code == 0);
    auto again = scan({"sync"});
    int found = 0;
    for (const auto& device : e2e::all_devices(warehouse))
        if (e2e::text_of(device, "serial") == serial) ++found;
    CHECK(found == 1);
    std::error_code ec;
    std::filesystem::remove_all(folder, ec);
}
