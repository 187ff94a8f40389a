// Checks on the test instrument's recorded calibration.
#include "shared/inspection/test_instrument.h"

namespace bhm {

std::optional<Refusal> check_instrument_calibration(Date calibrated_on, Date inspected_on) {
    if (calibrated_on > inspected_on)
        return Refusal{"calibration_in_future",
                       "The instrument's calibration date (" + to_iso(calibrated_on) + ") is after the test.",
                       "IEC 62353:2014"};
    return std::nullopt;
}

}  // namespace bhm
