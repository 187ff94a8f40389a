// Timing loop and table printing shared by the benchmarks (see bench_table.h).
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

Measurement measure(const std::string& name, std::size_t count, double max_seconds,
                    const std::function<void(std::size_t)>& operation) {
    if (count == 0) throw std::invalid_argument(name + ": the count must be at least 1");
    using clock = std::chrono::steady_clock;
    const auto cap = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(max_seconds));
    const auto start = clock::now();
    Measurement m{name, 0, {}};
    for (std::size_t i = 0; i < count; ++i) {
        operation(i);
        m.count = i + 1;
        if (clock::now() - start > cap) break;
    }
    m.elapsed = clock::now() - start;
    return m;
}

void print_table(const std::string& title, const std::vector<TableRow>& rows) {
    std::map<const Measurement*, char> letters;
    std::printf("\n%s\n", title.c_str());
    std::printf("%-62s %7s %10s %11s %10s %8s %s\n", "operation", "count", "total ms", "per-op us", "ops/s",
                "ratio", "vs");
    for (const auto& row : rows) {
        if (!row.measured) throw std::invalid_argument(title + ": a table row has no measurement");
        const auto& m = *row.measured;
        std::string against;
        double ratio = 1.0;
        if (!row.baseline) {
            const char letter = static_cast<char>('A' + letters.size());
            letters[row.measured] = letter;
            against = std::string("= ") + letter;
        } else {
            auto found = letters.find(row.baseline);
            if (found == letters.end())
                throw std::invalid_argument(title + ": row '" + m.operation + "' uses a baseline not listed above it");
            against = std::string("vs ") + found->second;
            ratio = row.baseline->per_op_us() > 0 ? m.per_op_us() / row.baseline->per_op_us() : 0.0;
        }
        std::printf("%-62s %7zu %10.1f %11.1f %10.0f %7.2fx %s\n", m.operation.c_str(), m.count,
                    static_cast<double>(m.elapsed.count()) / 1e6, m.per_op_us(), m.ops_per_second(), ratio,
                    against.c_str());
    }
    std::fflush(stdout);
}

}  // namespace bhm::bench
