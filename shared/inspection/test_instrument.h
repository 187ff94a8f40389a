// The test instrument behind an inspection: IEC 62353 results count only from a known, calibrated
// instrument. The unit keeps a register of its instruments (identity, calibration date, interval);
// an inspection names one of them, and the tester is the named user who recorded it.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

inline constexpr int default_calibration_interval_months = 12;
inline constexpr int max_calibration_interval_months = 60;

// One instrument in the unit's register.
struct TestInstrument {
    std::string identity;        // e.g. "Fluke ESA615 #4471": make, model and serial as on its label
    Date calibrated_on;
    int calibration_interval_months = default_calibration_interval_months;
};

// The day the calibration runs out: from then on the instrument is out of calibration.
Date calibration_expires_on(const TestInstrument& instrument);

// A new register entry, or a new calibration of one. Codes: instrument_identity_missing,
// calibration_interval_out_of_range, calibration_in_future.
std::optional<Refusal> check_instrument_entry(const TestInstrument& instrument, Date today);

// The instrument named for an inspection on `inspected_on`: in the register (nullopt: unknown) and in
// calibration then. Codes: instrument_unknown, calibration_in_future, instrument_out_of_calibration.
std::optional<Refusal> check_inspection_instrument(const std::optional<TestInstrument>& instrument,
                                                   std::string_view named, Date inspected_on);

// The tester is a named person. Code: tester_missing.
std::optional<Refusal> check_tester(std::string_view tester);

// Kept for the calibration date alone: refuses a calibration dated after the test (calibration_in_future).
std::optional<Refusal> check_instrument_calibration(Date calibrated_on, Date inspected_on);

}  // namespace bhm
