// An online backup taken while scans flow holds every scan acknowledged before it began: the
// backup, restored and served, answers each of them as a replay.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "normal_service.h"
#include "workflow_steps.h"

using namespace bhm;

TEST_CASE("an online backup taken while scans flow holds every scan acknowledged before it began", "[reliability][backup]") {
    e2e::ServerProcess server;
    auto warehouse = e2e::login(server, "warehouse");
    auto station = e2e::station(server);
    const std::string tag = warehouse.get("/api/v1/devices?state=available&limit=1")
                                .object()->getArray("items")->getObject(0)->getValue<std::string>("asset_tag");
    std::mutex m;
    std::vector<std::string> acknowledged;
    std::atomic<bool> stop{false};
    std::thread scanning([&] {
        while (!stop) {
            const std::string id = e2e::new_scan_id();
            if (e2e::post_scan(station, "count", tag, "", id).status == 200) {
                std::lock_guard lock(m);
                acknowledged.push_back(id);
            }
        }
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    std::vector<std::string> before;
    {
        std::lock_guard lock(m);
        before = acknowledged;
    }
    const std::string copy = server.folder() + "/backup.db";
    auto run = e2e::run_program({e2e::binary_path("bhm-server"), "--db", server.folder() + "/bhm.db", "--backup", copy});
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    stop = true;
    scanning.join();
    INFO(run.describe());
    REQUIRE(run.exit_code == 0);
    REQUIRE(before.size() > 10);
    struct stat info {};
    REQUIRE(::stat(copy.c_str(), &info) == 0);
    CHECK((info.st_mode & 077) == 0);

    // Restore: a server on a copy of the backup answers every scan acknowledged before it began as a replay.
    e2e::ServerProcess restored;
    restored.stop();
    std::filesystem::copy_file(copy, restored.folder() + "/bhm.db", std::filesystem::copy_options::overwrite_existing);
    std::filesystem::remove(restored.folder() + "/bhm.db-wal");
    std::filesystem::remove(restored.folder() + "/bhm.db-shm");
    restored.restart();
    // The station token belongs to the first server's database, which the backup holds.
    e2e::ApiClient restored_station(restored.port(), server.station_token());
    for (const auto& id : before) {
        auto again = e2e::post_scan(restored_station, "count", tag, "", id);
        INFO(again.describe());
        REQUIRE(again.status == 200);
        CHECK(again.object()->getValue<bool>("replayed"));
    }
    WARN("backup held all " << before.size() << " scans acknowledged before it began (" << acknowledged.size()
                            << " in all during the run)");
}
