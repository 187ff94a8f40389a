// The login lockout's policy, as pure arithmetic: wrong passwords are counted per username and
// client address; after five within 15 minutes that pair waits a minute, doubling with each further
// failure up to 15 minutes. Keyed on the pair, one address guessing cannot lock the user out elsewhere.
#pragma once

#include <cstdint>

namespace bhm::server::lockout {

constexpr int free_failures = 5;
constexpr std::int64_t window_seconds = 15 * 60;      // failures older than this are forgotten
constexpr std::int64_t first_wait_seconds = 60;
constexpr std::int64_t longest_wait_seconds = 15 * 60;

// The failures still counted, given those recorded and the seconds since the last of them.
int counted_failures(int recorded, std::int64_t since_last_failure);
// Seconds the next attempt must wait; 0 when it may try now.
std::int64_t wait_seconds(int counted, std::int64_t since_last_failure);

}  // namespace bhm::server::lockout
