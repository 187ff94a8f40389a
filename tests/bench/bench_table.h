// The measured rows every benchmark prints: a loop run against a count and a time cap, and a table
// of count, total ms, per-op µs, ops/s and the ratio to a baseline measured in the same run.
// Speed is measured, not asserted: nothing here passes or fails on a figure.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace bhm::bench {

struct Measurement {
    std::string operation;
    std::size_t count = 0;              // operations actually done (fewer than asked if the time cap hit)
    std::chrono::nanoseconds elapsed{0};
    double per_op_us() const;
    double ops_per_second() const;
};

// Runs `operation(i)` for i = 0..count-1, timing the whole loop. Stops early once `max_seconds` have
// passed, so a slow disk shortens the run instead of stretching it; the row says how many ran.
Measurement measure(const std::string& name, std::size_t count, double max_seconds,
                    const std::function<void(std::size_t)>& operation);

// A row of a table and the baseline it is compared with. Both point at measurements the caller keeps.
struct TableRow {
    const Measurement* measured = nullptr;
    const Measurement* baseline = nullptr;   // nullptr: this row is a baseline (ratio 1.00)
};

// Prints a titled, aligned table to stdout. Baselines are lettered A, B, ... in order, and every other
// row says which baseline its ratio is against; a baseline must be listed before the rows using it.
void print_table(const std::string& title, const std::vector<TableRow>& rows);

}  // namespace bhm::bench
