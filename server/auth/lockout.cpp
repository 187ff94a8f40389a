// Lockout arithmetic: forget old failures, then back off exponentially.
#include "server/auth/lockout.h"

#include <algorithm>

namespace bhm::server::lockout {

int counted_failures(int recorded, std::int64_t since_last_failure) {
    return since_last_failure >= window_seconds ? 0 : std::max(recorded, 0);
}

std::int64_t wait_seconds(int counted, std::int64_t since_last_failure) {
    if (counted < free_failures) return 0;
    const int doublings = std::min(counted - free_failures, 10);
    const std::int64_t wait = std::min(first_wait_seconds << doublings, longest_wait_seconds);
    return std::max<std::int64_t>(0, wait - std::max<std::int64_t>(since_last_failure, 0));
}

}  // namespace bhm::server::lockout
