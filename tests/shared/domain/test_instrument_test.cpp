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

TEST_CASE("an inspection with an instrument out of calibration is refused") {
    const TestInstrument old{"Fluke ESA615 #2019", Date{2019, 5, 1}};   // default interval: 12 months
    auto refusal = check_inspection_instrument(old, old.identity, Date{2026, 11, 22});
    REQUIRE(refusal);
    CHECK(refusal->code == "instrument_out_of_calibration");
    CHECK(refusal->rule.find("IEC 62353") != std::string::npos);
    CHECK(refusal->message.find("2020-05-01") != std::string::npos);   // when it ran out

    const TestInstrument fresh{"Fluke ESA615 #4471", Date{2026, 3, 1}};
    CHECK_FALSE(check_inspection_instrument(fresh, fresh.identity, Date{2026, 11, 22}));
    CHECK_FALSE(check_inspection_instrument(fresh, fresh.identity, Date{2027, 2, 28}));
    CHECK(check_inspection_instrument(fresh, fresh.identity, Date{2027, 3, 1})->code == "instrument_out_of_calibration");
    const TestInstrument six_monthly{"Rigel 288", Date{2026, 3, 1}, 6};
    CHECK(check_inspection_instrument(six_monthly, "Rigel 288", Date{2026, 9, 1})->code ==
          "instrument_out_of_calibration");
}

TEST_CASE("an inspection with an instrument not in the register is refused") {
    auto refusal = check_inspection_instrument(std::nullopt, "Unknown meter", Date{2026, 11, 22});
    REQUIRE(refusal);
    CHECK(refusal->code == "instrument_unknown");
    CHECK(refusal->message.find("Unknown meter") != std::string::npos);
}

TEST_CASE("a register entry needs an identity, an interval of 1 to 60 months and a past calibration date") {
    const Date today{2026, 11, 22};
    CHECK_FALSE(check_instrument_entry({"Fluke ESA615 #4471", Date{2026, 3, 1}}, today));
    CHECK(TestInstrument{}.calibration_interval_months == 12);
    CHECK(check_instrument_entry({" ", Date{2026, 3, 1}}, today)->code == "instrument_identity_missing");
    CHECK(check_instrument_entry({"X", Date{2026, 3, 1}, 0}, today)->code == "calibration_interval_out_of_range");
    CHECK(check_instrument_entry({"X", Date{2026, 3, 1}, 61}, today)->code == "calibration_interval_out_of_range");
    CHECK(check_instrument_entry({"X", Date{2026, 11, 23}}, today)->code == "calibration_in_future");
}

TEST_CASE("a blank tester name is refused") {
    CHECK(check_tester("  ")->code == "tester_missing");
    CHECK_FALSE(check_tester("technician"));
}
