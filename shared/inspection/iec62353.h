// Electrical-safety inspection of a device by IEC 62353:2014 (recurrent test): which measurements
// a device needs, the pass limits (one table in iec62353.cpp) and when the next inspection is due.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

enum class ProtectionClass { class_i, class_ii, internally_powered };
std::optional<ProtectionClass> parse_protection_class(std::string_view text);  // "I","II","IP"
std::string to_string(ProtectionClass protection);                             // "I","II","IP"

enum class AppliedPartType { none, b, bf, cf };
std::optional<AppliedPartType> parse_applied_part_type(std::string_view text);  // "none","B","BF","CF"
std::string to_string(AppliedPartType type);                                    // "none","B","BF","CF"

enum class LeakageMethod { direct, differential, alternative };
std::optional<LeakageMethod> parse_leakage_method(std::string_view text);  // "direct","differential","alternative"
std::string to_string(LeakageMethod method);

struct InspectionMeasurements {
    bool visual_ok = false;
    bool functional_ok = false;
    LeakageMethod method = LeakageMethod::direct;
    bool detachable_cord = false;
    std::optional<double> protective_earth_ohm;        // non-detachable cord, or device+cord together
    std::optional<double> pe_device_ohm, pe_cord_ohm;  // detachable cord parts
    std::optional<double> insulation_mohm, insulation_min_mohm;  // optional; manufacturer's limit
    std::optional<double> equipment_leakage_ua, applied_part_leakage_ua;
};

struct LimitCheck {
    std::string measurement;  // e.g. "protective_earth", "equipment_leakage"
    double value;
    double limit;
    std::string unit;  // "Ω", "MΩ", "µA"
    bool passed;
};

struct InspectionVerdict {
    bool passed;
    std::vector<LimitCheck> checks;
    std::vector<Refusal> failures;  // one per failed check, visual or functional test
};

// Refusal code measurement_missing (or measurement_invalid for negative / non-finite values).
std::optional<Refusal> check_measurements_complete(const InspectionMeasurements& m, ProtectionClass protection,
                                                   AppliedPartType applied_part);
// Missing measurements are failures too (code measurement_missing), so a verdict is never a pass by omission.
InspectionVerdict evaluate_inspection(const InspectionMeasurements& m, ProtectionClass protection,
                                      AppliedPartType applied_part);

Date next_inspection_due(Date inspected_on, int interval_months);
// The one definition of "the inspection is due", used by the delivery gate and the technicians' due list:
// no due date = due; due on the day itself. A device that is due is not delivered.
bool inspection_due(std::optional<Date> due, Date today);
bool inspection_overdue(std::optional<Date> due, Date today);  // past its due day (or never inspected)

}  // namespace bhm
