// The shape of the national bench store: Norway's BHM units in the four health regions, each with a
// weight (its catchment in thousands of people) that sets its share of devices, open loans and events.
// At scale 1: 1,000,000 devices, 200,000 open loans and 10,000,000 events in 17 units.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bhm::bench {

struct PlannedUnit {
    std::string region_code;
    std::string code;
    std::string name;
    int weight = 0;            // catchment, thousands of people
    std::int64_t devices = 0;  // of them on loan: open_loans
    std::int64_t open_loans = 0;
    std::int64_t closed_loans = 0;
    std::int64_t events = 0;
};

struct PlannedRegion {
    std::string code, name;
};

struct NationalPlan {
    double scale = 1.0;
    std::vector<PlannedRegion> regions;
    std::vector<PlannedUnit> units;
    std::int64_t devices() const;
    std::int64_t open_loans() const;
    std::int64_t events() const;
    // The unit with the most devices (the bench's "one large unit").
    const PlannedUnit& largest_unit() const;
};

// The plan for `scale` in (0, 1]: counts per unit proportional to the unit's weight, each at least 1.
NationalPlan national_plan(double scale);

// The generator's version: bump it when the data it writes changes, so a cached file is rebuilt.
inline constexpr int national_generator_version = 2;

}  // namespace bhm::bench
