// The test instrument behind an inspection: IEC 62353 results count only from a calibrated
// instrument, and its recorded calibration date must be a real one (not ahead of the test).
#pragma once

#include <optional>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

std::optional<Refusal> check_instrument_calibration(Date calibrated_on, Date inspected_on);

}  // namespace bhm
