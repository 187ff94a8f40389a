// NormalService: times ordinary calls with the e2e client.
#include "normal_service.h"

#include <catch2/catch.hpp>

#include <chrono>

#include "workflow_steps.h"

namespace bhm::reliability {
namespace {
template <class F>
double timed_ms(F&& call, e2e::ApiResponse& answer) {
    const auto start = std::chrono::steady_clock::now();
    answer = call();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}
}  // namespace

NormalService::NormalService(const e2e::ServerProcess& server)
    : warehouse_(e2e::login(server, "warehouse")), station_(e2e::station(server)) {
    auto available = warehouse_.get("/api/v1/devices?state=available&limit=1");
    REQUIRE(available.status == 200);
    auto items = available.object()->getArray("items");
    REQUIRE(items);
    REQUIRE(items->size() == 1);
    device_tag_ = items->getObject(0)->getValue<std::string>("asset_tag");
}

double NormalService::require_prompt_answers() {
    e2e::ApiResponse read, scan;
    const double read_ms = timed_ms([&] { return warehouse_.get("/api/v1/devices?limit=5"); }, read);
    const std::string id = e2e::new_scan_id();
    const double scan_ms = timed_ms([&] { return e2e::post_scan(station_, "count", device_tag_, "", id); }, scan);
    INFO("read " << read_ms << " ms: " << read.describe());
    INFO("scan " << scan_ms << " ms: " << scan.describe());
    REQUIRE(read.status == 200);
    REQUIRE(scan.status == 200);
    CHECK(read_ms < 1000);
    CHECK(scan_ms < 1000);
    acknowledged_.push_back(id);
    return std::max(read_ms, scan_ms);
}

void NormalService::require_healthy_and_nothing_lost() {
    REQUIRE(e2e::ApiClient(warehouse_.port()).get("/api/v1/health").status == 200);
    for (const auto& id : acknowledged_) {
        auto again = e2e::post_scan(station_, "count", device_tag_, "", id);
        INFO(again.describe());
        REQUIRE(again.status == 200);
        CHECK(again.object()->getValue<bool>("replayed"));
    }
}

}  // namespace bhm::reliability
