// Bounds on a recorded delivery time.
#include "shared/loans/delivery_time.h"

namespace bhm {

std::optional<Refusal> check_delivery_time(Timestamp delivered_at, Timestamp applied_at,
                                           std::optional<Timestamp> decided_at, Timestamp now) {
    if (delivered_at > now) return Refusal{"delivery_in_future", "The delivery time is in the future.", ""};
    if (delivered_at < applied_at)
        return Refusal{"delivery_before_application", "The delivery time is before the application.", ""};
    if (decided_at && delivered_at < *decided_at)
        return Refusal{"delivery_before_decision", "The delivery time is before the decision that allowed it.",
                       "pasient- og brukerrettighetsloven § 2-1 b"};
    return std::nullopt;
}

}  // namespace bhm
