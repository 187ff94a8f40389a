// Reordering: each warehouse keeps a minimum and a maximum per item. Below the minimum, order up to the
// maximum; at or above it, nothing. Only stock that may be issued counts as on hand.
#pragma once

#include <optional>

#include "shared/core/refusal.h"

namespace bhm {

// How many to order with `on_hand` usable units; 0 when not below the minimum.
int reorder_quantity(int on_hand, int minimum, int maximum);

// A minimum of 0 or more and a maximum at least the minimum (and above 0).
std::optional<Refusal> stock_level_refusal(int minimum, int maximum);

}  // namespace bhm
