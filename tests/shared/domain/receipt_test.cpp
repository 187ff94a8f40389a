// A serial already registered: the own unit is told which device it is; another unit learns nothing about it.
#include <catch2/catch.hpp>

#include "shared/devices/receipt.h"

using namespace bhm;

TEST_CASE("a serial another unit owns is refused without that unit's asset tag or state") {
    auto refusal = already_registered("SleepEase 10", "SN-1", {false, "BHM0000059L", DeviceState::on_loan});
    CHECK(refusal.code == "serial_registered");
    CHECK(refusal.message.find("BHM0000059L") == std::string::npos);
    CHECK(refusal.message.find(to_string(DeviceState::on_loan)) == std::string::npos);
    CHECK(refusal.message.find("received") == std::string::npos);
    CHECK(refusal.message.find("SN-1") != std::string::npos);      // what was scanned, so the worker can check it
    CHECK(refusal.message.find("transfer") != std::string::npos);  // and what to do instead
}

TEST_CASE("a serial the unit itself owns is refused naming its own asset tag and state") {
    auto refusal = already_registered("SleepEase 10", "SN-1", {true, "BHM0000059L", DeviceState::received});
    CHECK(refusal.code == "already_received");
    CHECK(refusal.message.find("BHM0000059L") != std::string::npos);
    CHECK(refusal.message.find("received") != std::string::npos);
}
