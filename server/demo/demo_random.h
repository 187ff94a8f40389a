// The demo set's dice: std::mt19937 with a fixed seed. Only the engine's raw output is used (its
// sequence is fixed by the standard, unlike the distributions'), so every platform builds the same set.
#pragma once

#include <cstdint>
#include <random>
#include <vector>

namespace bhm::server::demo {

class DemoRandom {
public:
    explicit DemoRandom(std::uint32_t seed) : engine_(seed) {}

    // A number in [low, high]; low when high < low.
    int between(int low, int high) {
        if (high <= low) return low;
        const auto span = static_cast<std::uint32_t>(high - low + 1);
        return low + static_cast<int>(engine_() % span);
    }
    // True with the given chance in percent.
    bool percent(int chance) { return between(1, 100) <= chance; }
    template <class T>
    const T& pick(const std::vector<T>& items) {
        return items[static_cast<std::size_t>(between(0, static_cast<int>(items.size()) - 1))];
    }

private:
    std::mt19937 engine_;
};

}  // namespace bhm::server::demo
