// Use as a signal: a patient who has not collected the device's consumables for a long time may no
// longer use the device (Sykehuset Østfold wrote to about 400 of its 8,000 CPAP borrowers for this).
// A loan is a candidate to contact about a return when nothing was collected for more than N days since
// the last consumables went out, or since the device was delivered when none have.
#pragma once

#include <optional>

#include "shared/core/date.h"

namespace bhm {

inline constexpr int default_collection_gap_days = 180;

struct CollectionGap { Date since; int days = 0; };

// The gap, when it is longer than `max_days`; nothing otherwise.
std::optional<CollectionGap> collection_gap(Date delivered_on, std::optional<Date> last_collected_on, Date today,
                                            int max_days);

}  // namespace bhm
