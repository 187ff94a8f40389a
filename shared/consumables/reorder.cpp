// The reorder rule: min/max replenishment, the simplest rule a warehouse worker can check by hand.
#include "shared/consumables/reorder.h"

#include <string>

namespace bhm {

int reorder_quantity(int on_hand, int minimum, int maximum) {
    if (on_hand >= minimum) return 0;
    return maximum - on_hand;
}

std::optional<Refusal> stock_level_refusal(int minimum, int maximum) {
    if (minimum < 0) return Refusal{"invalid_stock_level", "The minimum may not be negative.", ""};
    if (maximum <= 0 || maximum < minimum)
        return Refusal{"invalid_stock_level", "The maximum must be above 0 and at least the minimum (" +
                                                  std::to_string(minimum) + ").", ""};
    return std::nullopt;
}

}  // namespace bhm
