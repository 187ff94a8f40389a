// An inspection's instrument must have been calibrated on or before the day of the test.
#include <catch2/catch.hpp>

#include "shared/inspection/test_instrument.h"

using namespace bhm;

TEST_CASE("an instrument calibrated after the test day is refused, on or before it is accepted") {
    const Date test_day{2026, 11, 22};
    CHECK_FALSE(check_instrument_calibration(Date{2026, 3, 1}, test_day));
    CHECK_FALSE(check_instrument_calibration(test_day, test_day));
    CHECK(check_instrument_calibration(Date{2026, 11, 23}, test_day)->code == "calibration_in_future");
}
