// The measured rows every benchmark prints, and how they are measured: the contenders of a table
// run interleaved, a slice each per round, so that a change in machine load (other builds on a
// shared box, a busy disk) hits the baseline and the measured rows alike and the ratios stay fair.
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
    std::size_t count = 0;               // operations done (fewer than planned if the time cap hit)
    std::chrono::nanoseconds elapsed{0};
    double per_op_us() const;
    double ops_per_second() const;
};

// One row to measure: `call(i)` for i = 0..calls-1. A call may do several operations (a batch
// request of 100 scans): the row then counts ops_per_call operations per call.
struct Contender {
    std::string operation;
    std::size_t calls = 0;
    std::function<void(std::size_t)> call;
    std::size_t ops_per_call = 1;
};

// Runs the contenders in `rounds` rounds, each round running the next slice of every contender in
// turn, and times only the contender's own calls. Stops after the round in which the total measured
// time passed `max_seconds`, so a slow disk shortens the run instead of stretching it; the rows say
// how many operations ran. One Measurement per contender, in order.
std::vector<Measurement> measure_interleaved(const std::vector<Contender>& contenders, std::size_t rounds,
                                             double max_seconds);

// A row of a table and the row it is compared with. Both point at measurements the caller keeps.
struct TableRow {
    const Measurement* measured = nullptr;
    const Measurement* baseline = nullptr;   // nullptr: this row is a baseline (ratio 1.00)
};

// Prints a titled, aligned table to stdout. Rows are lettered A, B, ... and every row that is not a
// baseline says which earlier row its ratio (its per-op time over that row's) is against.
void print_table(const std::string& title, const std::vector<TableRow>& rows);

}  // namespace bhm::bench
