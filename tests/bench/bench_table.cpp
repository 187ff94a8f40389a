// Interleaved timing and table printing shared by the benchmarks (see bench_table.h).
#include "bench_table.h"

#include <cstdio>
#include <map>
#include <stdexcept>

namespace bhm::bench {

double Measurement::per_op_us() const {
    return count == 0 ? 0.0 : static_cast<double>(elapsed.count()) / 1000.0 / static_cast<double>(count);
}

double Measurement::ops_per_second() const {
    return elapsed.count() == 0 ? 0.0 : static_cast<double>(count) * 1e9 / static_cast<double>(elapsed.count());
}

std::vector<Measurement> measure_interleaved(const std::vector<Contender>& contenders, std::size_t rounds,
                                             double max_seconds) {
    if (rounds == 0) throw std::invalid_argument("measure_interleaved: at least one round");
    for (const auto& c : contenders)
        if (c.calls == 0 || !c.call || c.ops_per_call == 0)
            throw std::invalid_argument(c.operation + ": nothing to measure (no calls)");
    using clock = std::chrono::steady_clock;
    const auto cap = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(max_seconds));
    std::vector<Measurement> rows;
    for (const auto& c : contenders) rows.push_back({c.operation, 0, {}});
    std::vector<std::size_t> done(contenders.size(), 0);
    clock::duration total{0};
    for (std::size_t round = 0; round < rounds && total <= cap; ++round) {
        for (std::size_t k = 0; k < contenders.size(); ++k) {
            const auto& c = contenders[k];
            const std::size_t end = c.calls * (round + 1) / rounds;   // slices cover every call exactly once
            const auto start = clock::now();
            for (; done[k] < end; ++done[k]) c.call(done[k]);
            const auto spent = clock::now() - start;
            rows[k].elapsed += spent;
            rows[k].count = done[k] * c.ops_per_call;
            total += spent;
        }
    }
    return rows;
}

void print_table(const std::string& title, const std::vector<TableRow>& rows) {
    std::map<const Measurement*, char> letters;
    std::printf("\n%s\n", title.c_str());
    std::printf("   %-58s %7s %10s %11s %9s %8s\n", "operation", "count", "total ms", "per-op us", "ops/s", "ratio");
    for (const auto& row : rows) {
        if (!row.measured) throw std::invalid_argument(title + ": a table row has no measurement");
        const auto& m = *row.measured;
        const char letter = static_cast<char>('A' + letters.size());
        std::string against = "baseline";
        double ratio = 1.0;
        if (row.baseline) {
            auto found = letters.find(row.baseline);
            if (found == letters.end())
                throw std::invalid_argument(title + ": row '" + m.operation + "' is compared with a row not above it");
            against = std::string("vs ") + found->second;
            ratio = row.baseline->per_op_us() > 0 ? m.per_op_us() / row.baseline->per_op_us() : 0.0;
        }
        if (!letters.emplace(row.measured, letter).second)
            throw std::invalid_argument(title + ": row '" + m.operation + "' is listed twice");
        std::printf("%c  %-58s %7zu %10.1f %11.1f %9.0f %7.2fx %s\n", letter, m.operation.c_str(), m.count,
                    static_cast<double>(m.elapsed.count()) / 1e6, m.per_op_us(), m.ops_per_second(), ratio,
                    against.c_str());
    }
    std::fflush(stdout);
}

}  // namespace bhm::bench
