// Evaluates one recurrent electrical-safety test against IEC 62353:2014. All pass limits sit in the
// `limits` table below, so a corrected value is a one-line change.
#include "shared/inspection/iec62353.h"

#include <charconv>
#include <cmath>

namespace bhm {
namespace {

constexpr const char* standard = "IEC 62353:2014";
constexpr const char* leakage_source = "IEC 62353:2014, tabell 2";

// Source: IEC 62353:2014. The protective-earth values were checked against the standard's text; the leakage
// values are the standard's Table 2 as widely quoted by test-instrument makers (see shared/DOMAIN.md).
// A value exactly at its limit passes. µA = microampere, Ω = ohm.
struct Limits {
    double protective_earth_ohm = 0.3;            // non-detachable cord, or detachable cord with device together
    double protective_earth_device_ohm = 0.2;     // detachable cord: the device alone
    double protective_earth_cord_ohm = 0.1;       // detachable cord: the cord alone
    double equipment_leakage_alternative_class_i_ua = 1000;
    double equipment_leakage_alternative_class_ii_ua = 500;
    double equipment_leakage_direct_class_i_ua = 500;   // direct or differential method
    double equipment_leakage_direct_class_ii_ua = 100;  // direct or differential method
    double applied_part_bf_ua = 5000;                   // no separate limit for type B
    double applied_part_cf_ua = 50;
};
constexpr Limits limits;

bool usable(std::optional<double> value) { return value && std::isfinite(*value) && *value >= 0; }

std::string number(double value) {
    char text[64];
    auto result = std::to_chars(text, text + sizeof text, value);
    return std::string(text, result.ptr);
}

bool needs_equipment_leakage(ProtectionClass protection) { return protection != ProtectionClass::internally_powered; }
bool needs_applied_part_leakage(AppliedPartType type) { return type == AppliedPartType::bf || type == AppliedPartType::cf; }

double equipment_leakage_limit(ProtectionClass protection, LeakageMethod method) {
    // An internally powered device measured while connected to its charger counts as Class II: the stricter limit.
    const bool class_i = protection == ProtectionClass::class_i;
    if (method == LeakageMethod::alternative)
        return class_i ? limits.equipment_leakage_alternative_class_i_ua : limits.equipment_leakage_alternative_class_ii_ua;
    return class_i ? limits.equipment_leakage_direct_class_i_ua : limits.equipment_leakage_direct_class_ii_ua;
}

// Every recorded value must be a real, non-negative number.
std::optional<Refusal> check_values_valid(const InspectionMeasurements& m) {
    const std::pair<const char*, std::optional<double>> values[] = {
        {"protective earth", m.protective_earth_ohm},   {"protective earth of the device", m.pe_device_ohm},
        {"protective earth of the cord", m.pe_cord_ohm}, {"insulation resistance", m.insulation_mohm},
        {"manufacturer's minimum insulation", m.insulation_min_mohm},
        {"equipment leakage", m.equipment_leakage_ua},  {"applied-part leakage", m.applied_part_leakage_ua},
    };
    for (const auto& [name, value] : values) {
        if (value && !usable(value)) {
            return Refusal{"measurement_invalid",
                           std::string("The ") + name + " reading must be a number of zero or more.", standard};
        }
    }
    return std::nullopt;
}

bool has_protective_earth(const InspectionMeasurements& m) {
    if (m.detachable_cord) return m.protective_earth_ohm || (m.pe_device_ohm && m.pe_cord_ohm);
    return m.protective_earth_ohm.has_value();
}

void check_limit(InspectionVerdict& verdict, const std::string& measurement, double value, double limit,
                 const std::string& unit, const std::string& label, const char* source) {
    const bool passed = value <= limit;
    verdict.checks.push_back(LimitCheck{measurement, value, limit, unit, passed});
    if (!passed) {
        verdict.failures.push_back(Refusal{measurement + "_too_high",
                                           "The " + label + " is " + number(value) + " " + unit + "; the limit is " +
                                               number(limit) + " " + unit + ".",
                                           source});
    }
}

}  // namespace

std::optional<ProtectionClass> parse_protection_class(std::string_view text) {
    if (text == "I") return ProtectionClass::class_i;
    if (text == "II") return ProtectionClass::class_ii;
    if (text == "IP") return ProtectionClass::internally_powered;
    return std::nullopt;
}

std::string to_string(ProtectionClass protection) {
    switch (protection) {
        case ProtectionClass::class_i: return "I";
        case ProtectionClass::class_ii: return "II";
        case ProtectionClass::internally_powered: return "IP";
    }
    return "unknown";
}

std::optional<AppliedPartType> parse_applied_part_type(std::string_view text) {
    if (text == "none") return AppliedPartType::none;
    if (text == "B") return AppliedPartType::b;
    if (text == "BF") return AppliedPartType::bf;
    if (text == "CF") return AppliedPartType::cf;
    return std::nullopt;
}

std::string to_string(AppliedPartType type) {
    switch (type) {
        case AppliedPartType::none: return "none";
        case AppliedPartType::b: return "B";
        case AppliedPartType::bf: return "BF";
        case AppliedPartType::cf: return "CF";
    }
    return "unknown";
}

std::optional<LeakageMethod> parse_leakage_method(std::string_view text) {
    if (text == "direct") return LeakageMethod::direct;
    if (text == "differential") return LeakageMethod::differential;
    if (text == "alternative") return LeakageMethod::alternative;
    return std::nullopt;
}

std::string to_string(LeakageMethod method) {
    switch (method) {
        case LeakageMethod::direct: return "direct";
        case LeakageMethod::differential: return "differential";
        case LeakageMethod::alternative: return "alternative";
    }
    return "unknown";
}

std::optional<Refusal> check_measurements_complete(const InspectionMeasurements& m, ProtectionClass protection,
                                                   AppliedPartType applied_part) {
    if (auto invalid = check_values_valid(m)) return invalid;
    const bool class_i = protection == ProtectionClass::class_i;
    if (class_i && !has_protective_earth(m)) {
        return Refusal{"measurement_missing",
                       m.detachable_cord
                           ? "A Class I device with a detachable cord needs the protective-earth resistance of the "
                             "device and of the cord, or of both together."
                           : "A Class I device needs its protective-earth resistance measured.",
                       standard};
    }
    if (!class_i && (m.protective_earth_ohm || m.pe_device_ohm || m.pe_cord_ohm)) {
        return Refusal{"measurement_not_applicable",
                       "A Class " + to_string(protection) +
                           " device has no protective earth; leave the protective-earth reading empty.",
                       standard};
    }
    if (needs_equipment_leakage(protection) && !m.equipment_leakage_ua) {
        return Refusal{"measurement_missing", "Record the equipment leakage current.", standard};
    }
    if (needs_applied_part_leakage(applied_part) && !m.applied_part_leakage_ua) {
        return Refusal{"measurement_missing",
                       "A type " + to_string(applied_part) + " applied part needs its leakage current recorded.",
                       standard};
    }
    if (m.insulation_min_mohm && !m.insulation_mohm) {
        return Refusal{"measurement_missing",
                       "A manufacturer's minimum insulation resistance is given, but no insulation reading.", standard};
    }
    return std::nullopt;
}

InspectionVerdict evaluate_inspection(const InspectionMeasurements& m, ProtectionClass protection,
                                      AppliedPartType applied_part) {
    InspectionVerdict verdict{false, {}, {}};
    if (auto incomplete = check_measurements_complete(m, protection, applied_part))
        verdict.failures.push_back(*incomplete);
    if (!m.visual_ok) {
        verdict.failures.push_back(
            Refusal{"visual_inspection_failed", "The visual inspection found a fault.", standard});
    }

    if (protection == ProtectionClass::class_i) {
        if (usable(m.protective_earth_ohm)) {
            check_limit(verdict, "protective_earth", *m.protective_earth_ohm, limits.protective_earth_ohm, "Ω",
                        "protective-earth resistance", standard);
        }
        if (m.detachable_cord && usable(m.pe_device_ohm)) {
            check_limit(verdict, "protective_earth_device", *m.pe_device_ohm, limits.protective_earth_device_ohm, "Ω",
                        "protective-earth resistance of the device", standard);
        }
        if (m.detachable_cord && usable(m.pe_cord_ohm)) {
            check_limit(verdict, "protective_earth_cord", *m.pe_cord_ohm, limits.protective_earth_cord_ohm, "Ω",
                        "protective-earth resistance of the cord", standard);
        }
    }

    if (usable(m.insulation_mohm) && usable(m.insulation_min_mohm)) {
        // No normative limit: the manufacturer's minimum applies, and a reading at the minimum passes.
        const bool passed = *m.insulation_mohm >= *m.insulation_min_mohm;
        verdict.checks.push_back(LimitCheck{"insulation", *m.insulation_mohm, *m.insulation_min_mohm, "MΩ", passed});
        if (!passed) {
            verdict.failures.push_back(Refusal{"insulation_too_low",
                                               "The insulation resistance is " + number(*m.insulation_mohm) +
                                                   " MΩ; the manufacturer's minimum is " +
                                                   number(*m.insulation_min_mohm) + " MΩ.",
                                               standard});
        }
    }

    if (usable(m.equipment_leakage_ua)) {
        check_limit(verdict, "equipment_leakage", *m.equipment_leakage_ua, equipment_leakage_limit(protection, m.method),
                    "µA", "equipment leakage current (" + to_string(m.method) + " method)", leakage_source);
    }
    // Type B has no separate applied-part limit in the standard: a recorded value is kept but not judged.
    if (needs_applied_part_leakage(applied_part) && usable(m.applied_part_leakage_ua)) {
        const double limit = applied_part == AppliedPartType::cf ? limits.applied_part_cf_ua : limits.applied_part_bf_ua;
        check_limit(verdict, "applied_part_leakage", *m.applied_part_leakage_ua, limit, "µA",
                    "applied-part leakage current (type " + to_string(applied_part) + ")", leakage_source);
    }

    if (!m.functional_ok) {
        verdict.failures.push_back(Refusal{"functional_test_failed", "The functional test failed.", standard});
    }
    verdict.passed = verdict.failures.empty();
    return verdict;
}

Date next_inspection_due(Date inspected_on, int interval_months) { return add_months(inspected_on, interval_months); }

bool inspection_due(std::optional<Date> due, Date today) { return !due || today >= *due; }

bool inspection_overdue(std::optional<Date> due, Date today) { return !due || today > *due; }

}  // namespace bhm
