// The 17 units and 4 regions of the national bench store, and how the national totals are shared out
// among the units by weight (see national_plan.h).
#include "national_plan.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace bhm::bench {

namespace {

constexpr std::int64_t national_devices = 1'000'000;
constexpr std::int64_t national_open_loans = 200'000;
constexpr std::int64_t national_closed_loans = 150'000;   // returned in the last two years: the annual report's work
constexpr std::int64_t national_events = 10'000'000;

}  // namespace

std::int64_t NationalPlan::devices() const {
    std::int64_t n = 0;
    for (const auto& u : units) n += u.devices;
    return n;
}

std::int64_t NationalPlan::open_loans() const {
    std::int64_t n = 0;
    for (const auto& u : units) n += u.open_loans;
    return n;
}

std::int64_t NationalPlan::events() const {
    std::int64_t n = 0;
    for (const auto& u : units) n += u.events;
    return n;
}

const PlannedUnit& NationalPlan::largest_unit() const {
    return *std::max_element(units.begin(), units.end(),
                             [](const PlannedUnit& a, const PlannedUnit& b) { return a.devices < b.devices; });
}

NationalPlan national_plan(double scale) {
    if (!(scale > 0.0 && scale <= 1.0)) throw std::invalid_argument("the scale must be in (0, 1]");
    NationalPlan plan;
    plan.scale = scale;
    plan.regions = {{"HN", "Helse Nord"}, {"HMN", "Helse Midt-Norge"}, {"HV", "Helse Vest"}, {"HSO", "Helse Sør-Øst"}};
    plan.units = {
        {"HN", "UNN", "Behandlingshjelpemidler, Universitetssykehuset Nord-Norge", 190},
        {"HN", "NLSH", "Behandlingshjelpemidler, Nordlandssykehuset", 140},
        {"HN", "FIN", "Behandlingshjelpemidler, Finnmarkssykehuset", 75},
        {"HMN", "STO", "Behandlingshjelpemidler, St. Olavs hospital", 340},
        {"HMN", "HMR", "Behandlingshjelpemidler, Helse Møre og Romsdal", 265},
        {"HMN", "HNT", "Behandlingshjelpemidler, Helse Nord-Trøndelag", 135},
        {"HV", "HBE", "Behandlingshjelpemidler, Haukeland universitetssjukehus", 460},
        {"HV", "SUS", "Behandlingshjelpemidler, Stavanger universitetssjukehus", 380},
        {"HV", "HFO", "Behandlingshjelpemidler, Helse Fonna", 180},
        {"HV", "HFD", "Behandlingshjelpemidler, Helse Førde", 110},
        {"HSO", "OUS", "Behandlingshjelpemidler, Oslo universitetssykehus", 300},
        {"HSO", "AHUS", "Behandlingshjelpemidler, Akershus universitetssykehus", 580},
        {"HSO", "VVHF", "Behandlingshjelpemidler, Vestre Viken", 500},
        {"HSO", "SI", "Behandlingshjelpemidler, Sykehuset Innlandet", 370},
        {"HSO", "SOS", "Behandlingshjelpemidler, Sykehuset Østfold", 320},
        {"HSO", "SSHF", "Behandlingshjelpemidler, Sørlandet sykehus", 300},
        {"HSO", "SIV", "Behandlingshjelpemidler, Sykehuset i Vestfold", 250},
    };
    int total_weight = 0;
    for (const auto& u : plan.units) total_weight += u.weight;
    auto share = [&](std::int64_t national, int weight) {
        return std::max<std::int64_t>(1, std::llround(static_cast<double>(national) * scale * weight / total_weight));
    };
    for (auto& u : plan.units) {
        u.devices = share(national_devices, u.weight);
        u.open_loans = std::min(u.devices, share(national_open_loans, u.weight));
        u.closed_loans = share(national_closed_loans, u.weight);
        u.events = share(national_events, u.weight);
    }
    return plan;
}

}  // namespace bhm::bench
