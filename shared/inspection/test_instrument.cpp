// Checks on the unit's test instruments and on the instrument and tester behind an inspection.
#include "shared/inspection/test_instrument.h"

#include "shared/core/text.h"

namespace bhm {
namespace {

constexpr const char* source = "IEC 62353:2014 (calibrated test equipment)";

}  // namespace

Date calibration_expires_on(const TestInstrument& instrument) {
    return add_months(instrument.calibrated_on, instrument.calibration_interval_months);
}

std::optional<Refusal> check_instrument_calibration(Date calibrated_on, Date inspected_on) {
    if (calibrated_on > inspected_on)
        return Refusal{"calibration_in_future",
                       "The instrument's calibration date (" + to_iso(calibrated_on) + ") is after the test.", source};
    return std::nullopt;
}

std::optional<Refusal> check_instrument_entry(const TestInstrument& instrument, Date today) {
    if (is_blank(instrument.identity))
        return Refusal{"instrument_identity_missing",
                       "Give the instrument's identity as on its label (make, model and serial number).", ""};
    if (instrument.calibration_interval_months < 1 ||
        instrument.calibration_interval_months > max_calibration_interval_months)
        return Refusal{"calibration_interval_out_of_range",
                       "The calibration interval must be 1 to " + std::to_string(max_calibration_interval_months) +
                           " months.",
                       ""};
    if (instrument.calibrated_on > today)
        return Refusal{"calibration_in_future", "A calibration cannot be dated in the future.", source};
    return std::nullopt;
}

std::optional<Refusal> check_inspection_instrument(const std::optional<TestInstrument>& instrument,
                                                   std::string_view named, Date inspected_on) {
    if (!instrument)
        return Refusal{"instrument_unknown",
                       "The instrument '" + std::string(named) +
                           "' is not in the unit's register of test instruments. Register it with its calibration "
                           "date first.",
                       source};
    if (auto refusal = check_instrument_calibration(instrument->calibrated_on, inspected_on)) return refusal;
    const Date expires = calibration_expires_on(*instrument);
    if (inspected_on >= expires)
        return Refusal{"instrument_out_of_calibration",
                       "The instrument " + instrument->identity + " was calibrated on " +
                           to_iso(instrument->calibrated_on) + " and its calibration ran out on " + to_iso(expires) +
                           ". Use a calibrated instrument, or record its new calibration first.",
                       source};
    return std::nullopt;
}

std::optional<Refusal> check_tester(std::string_view tester) {
    if (!is_blank(tester)) return std::nullopt;
    return Refusal{"tester_missing", "An inspection must name the person who tested the device.", source};
}

}  // namespace bhm
