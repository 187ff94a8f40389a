// When a delivery may be recorded as made: a delivery is often registered after the fact
// (shipped yesterday, handed out at discharge this morning), but never before the case was
// applied for or decided, and never in the future.
#pragma once

#include <optional>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

std::optional<Refusal> check_delivery_time(Timestamp delivered_at, Timestamp applied_at,
                                           std::optional<Timestamp> decided_at, Timestamp now);

}  // namespace bhm
