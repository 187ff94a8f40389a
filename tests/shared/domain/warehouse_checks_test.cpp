// The cleaning bench and stocktaking read a device's registered state.
#include <catch2/catch.hpp>

#include "shared/devices/warehouse_checks.h"

using namespace bhm;

TEST_CASE("a received, returned or serviced device awaits cleaning until it is recorded") {
    CHECK(awaits_cleaning({DeviceState::received, false, false, false}));
    CHECK(awaits_cleaning({DeviceState::returned, false, false, false}));
    CHECK(awaits_cleaning({DeviceState::in_service, false, false, false}));
    CHECK_FALSE(awaits_cleaning({DeviceState::returned, true, false, false}));
    CHECK_FALSE(awaits_cleaning({DeviceState::available, false, true, false}));
    CHECK_FALSE(awaits_cleaning({DeviceState::on_loan, false, true, false}));
}

TEST_CASE("a device counted on the shelf while registered on loan, lost or retired is a mismatch") {
    CHECK(check_counted_in_warehouse(DeviceState::on_loan, "BHM00000018")->code == "count_mismatch");
    CHECK(check_counted_in_warehouse(DeviceState::lost, "BHM00000018"));
    CHECK(check_counted_in_warehouse(DeviceState::retired, "BHM00000018"));
    CHECK_FALSE(check_counted_in_warehouse(DeviceState::available, "BHM00000018"));
    CHECK_FALSE(check_counted_in_warehouse(DeviceState::returned, "BHM00000018"));
}

TEST_CASE("a device on loan cannot be moved to a shelf") {
    CHECK(check_location_change(DeviceState::on_loan)->code == "device_on_loan");
    CHECK(check_location_change(DeviceState::lost)->code == "device_lost");
    CHECK(check_location_change(DeviceState::retired)->code == "device_retired");
    for (auto state : {DeviceState::received, DeviceState::available, DeviceState::reserved, DeviceState::returned,
                       DeviceState::in_service})
        CHECK_FALSE(check_location_change(state));
}
