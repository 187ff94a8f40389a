// Proves the electrical-safety verdict against IEC 62353:2014: each limit passes exactly at its value and
// fails just above, Class I needs protective earth, and missing or failed tests never pass.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "shared/inspection/iec62353.h"

using namespace bhm;

namespace {

InspectionMeasurements class_ii_ok() {
    InspectionMeasurements m;
    m.visual_ok = true;
    m.functional_ok = true;
    m.method = LeakageMethod::direct;
    m.equipment_leakage_ua = 20;
    return m;
}

InspectionMeasurements class_i_ok() {
    InspectionMeasurements m = class_ii_ok();
    m.protective_earth_ohm = 0.1;
    return m;
}

bool has_failure(const InspectionVerdict& verdict, const std::string& code) {
    return std::any_of(verdict.failures.begin(), verdict.failures.end(),
                       [&](const Refusal& r) { return r.code == code; });
}

}  // namespace

TEST_CASE("protection classes, applied parts and methods parse from their labels") {
    CHECK(parse_protection_class("I") == ProtectionClass::class_i);
    CHECK(parse_protection_class("II") == ProtectionClass::class_ii);
    CHECK(parse_protection_class("IP") == ProtectionClass::internally_powered);
    CHECK_FALSE(parse_protection_class("III"));
    CHECK(parse_applied_part_type("BF") == AppliedPartType::bf);
    CHECK(parse_applied_part_type("none") == AppliedPartType::none);
    CHECK_FALSE(parse_applied_part_type("bf"));
    CHECK(parse_leakage_method(to_string(LeakageMethod::differential)) == LeakageMethod::differential);
    CHECK(to_string(AppliedPartType::cf) == "CF");
}

TEST_CASE("a class II device with 150 µA equipment leakage by the direct method fails") {
    InspectionMeasurements m = class_ii_ok();
    m.equipment_leakage_ua = 150;
    InspectionVerdict verdict = evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::none);
    CHECK_FALSE(verdict.passed);
    REQUIRE(has_failure(verdict, "equipment_leakage_too_high"));
    CHECK(verdict.failures.front().rule.find("IEC 62353:2014") != std::string::npos);
    CHECK(verdict.failures.front().message.find("150") != std::string::npos);
}

TEST_CASE("equipment leakage passes exactly at each class and method limit and fails just above") {
    struct Case { ProtectionClass protection; LeakageMethod method; double limit; };
    for (const Case& c : {Case{ProtectionClass::class_i, LeakageMethod::direct, 500},
                          Case{ProtectionClass::class_i, LeakageMethod::differential, 500},
                          Case{ProtectionClass::class_i, LeakageMethod::alternative, 1000},
                          Case{ProtectionClass::class_ii, LeakageMethod::direct, 100},
                          Case{ProtectionClass::class_ii, LeakageMethod::differential, 100},
                          Case{ProtectionClass::class_ii, LeakageMethod::alternative, 500}}) {
        INFO(to_string(c.protection) << " " << to_string(c.method));
        InspectionMeasurements m = c.protection == ProtectionClass::class_i ? class_i_ok() : class_ii_ok();
        m.method = c.method;
        m.equipment_leakage_ua = c.limit;
        InspectionVerdict at_limit = evaluate_inspection(m, c.protection, AppliedPartType::none);
        CHECK(at_limit.passed);
        m.equipment_leakage_ua = c.limit + 0.1;
        CHECK_FALSE(evaluate_inspection(m, c.protection, AppliedPartType::none).passed);
    }
}

TEST_CASE("protective earth with a fixed cord passes at 0.3 ohm and fails above") {
    InspectionMeasurements m = class_i_ok();
    m.protective_earth_ohm = 0.3;
    InspectionVerdict verdict = evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none);
    CHECK(verdict.passed);
    REQUIRE_FALSE(verdict.checks.empty());
    CHECK(verdict.checks.front().measurement == "protective_earth");
    CHECK(verdict.checks.front().limit == 0.3);
    m.protective_earth_ohm = 0.31;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none),
                      "protective_earth_too_high"));
}

TEST_CASE("protective earth with a detachable cord is limited to 0.2 ohm for the device and 0.1 ohm for the cord") {
    InspectionMeasurements m = class_i_ok();
    m.protective_earth_ohm.reset();
    m.detachable_cord = true;
    m.pe_device_ohm = 0.2;
    m.pe_cord_ohm = 0.1;
    CHECK(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none).passed);
    m.pe_device_ohm = 0.21;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none),
                      "protective_earth_device_too_high"));
    m.pe_device_ohm = 0.2;
    m.pe_cord_ohm = 0.11;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none),
                      "protective_earth_cord_too_high"));
}

TEST_CASE("protective earth with a detachable cord may be measured together up to 0.3 ohm") {
    InspectionMeasurements m = class_i_ok();
    m.detachable_cord = true;
    m.protective_earth_ohm = 0.3;
    CHECK_FALSE(check_measurements_complete(m, ProtectionClass::class_i, AppliedPartType::none));
    CHECK(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none).passed);
    m.protective_earth_ohm = 0.35;
    CHECK_FALSE(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none).passed);
}

TEST_CASE("a class I device without a protective-earth reading does not pass") {
    InspectionMeasurements m = class_ii_ok();
    auto missing = check_measurements_complete(m, ProtectionClass::class_i, AppliedPartType::none);
    REQUIRE(missing);
    CHECK(missing->code == "measurement_missing");
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none), "measurement_missing"));

    m.detachable_cord = true;
    m.pe_device_ohm = 0.1;  // the cord is still missing
    CHECK(check_measurements_complete(m, ProtectionClass::class_i, AppliedPartType::none));
}

TEST_CASE("class II and internally powered devices have no protective earth") {
    InspectionMeasurements m = class_ii_ok();
    CHECK_FALSE(check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::none));
    m.protective_earth_ohm = 0.1;
    auto refusal = check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::none);
    REQUIRE(refusal);
    CHECK(refusal->code == "measurement_not_applicable");

    InspectionMeasurements battery;
    battery.visual_ok = battery.functional_ok = true;
    CHECK_FALSE(check_measurements_complete(battery, ProtectionClass::internally_powered, AppliedPartType::none));
    CHECK(evaluate_inspection(battery, ProtectionClass::internally_powered, AppliedPartType::none).passed);
}

TEST_CASE("a class I or II device needs its equipment leakage recorded") {
    InspectionMeasurements m = class_ii_ok();
    m.equipment_leakage_ua.reset();
    CHECK(check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::none)->code ==
          "measurement_missing");
    CHECK_FALSE(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::none).passed);
}

TEST_CASE("applied-part leakage passes at 5000 µA for type BF and 50 µA for type CF") {
    InspectionMeasurements m = class_ii_ok();
    m.applied_part_leakage_ua = 5000;
    CHECK(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::bf).passed);
    m.applied_part_leakage_ua = 5001;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::bf),
                      "applied_part_leakage_too_high"));
    m.applied_part_leakage_ua = 50;
    CHECK(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::cf).passed);
    m.applied_part_leakage_ua = 50.5;
    CHECK_FALSE(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::cf).passed);
}

TEST_CASE("a type BF or CF applied part needs its leakage recorded, type B has no separate limit") {
    InspectionMeasurements m = class_ii_ok();
    CHECK(check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::cf)->code ==
          "measurement_missing");
    CHECK_FALSE(check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::b));
    m.applied_part_leakage_ua = 9000;
    CHECK(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::b).passed);
}

TEST_CASE("insulation passes at the manufacturer's minimum and fails below it") {
    InspectionMeasurements m = class_i_ok();
    m.insulation_mohm = 2.0;
    m.insulation_min_mohm = 2.0;
    InspectionVerdict at_minimum = evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none);
    CHECK(at_minimum.passed);
    CHECK(std::any_of(at_minimum.checks.begin(), at_minimum.checks.end(),
                      [](const LimitCheck& c) { return c.measurement == "insulation" && c.unit == "MΩ"; }));
    m.insulation_mohm = 1.9;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none), "insulation_too_low"));
    m.insulation_min_mohm.reset();  // no normative limit without the manufacturer's
    CHECK(evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none).passed);
}

TEST_CASE("a failed visual inspection or functional test fails the inspection") {
    InspectionMeasurements m = class_ii_ok();
    m.visual_ok = false;
    CHECK(has_failure(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::none),
                      "visual_inspection_failed"));
    m = class_ii_ok();
    m.functional_ok = false;
    InspectionVerdict verdict = evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::none);
    CHECK_FALSE(verdict.passed);
    CHECK(has_failure(verdict, "functional_test_failed"));
}

TEST_CASE("every failing reason is reported, not just the first") {
    InspectionMeasurements m = class_i_ok();
    m.visual_ok = false;
    m.protective_earth_ohm = 1.0;
    m.equipment_leakage_ua = 800;
    InspectionVerdict verdict = evaluate_inspection(m, ProtectionClass::class_i, AppliedPartType::none);
    CHECK(verdict.failures.size() == 3);
}

TEST_CASE("negative or non-numeric readings are refused as invalid") {
    InspectionMeasurements m = class_ii_ok();
    m.equipment_leakage_ua = -1;
    CHECK(check_measurements_complete(m, ProtectionClass::class_ii, AppliedPartType::none)->code ==
          "measurement_invalid");
    m.equipment_leakage_ua = std::numeric_limits<double>::quiet_NaN();
    CHECK_FALSE(evaluate_inspection(m, ProtectionClass::class_ii, AppliedPartType::none).passed);
}

TEST_CASE("the next inspection falls due after the category's interval, and no date means due now") {
    CHECK(next_inspection_due(Date{2024, 8, 31}, 6) == Date{2025, 2, 28});
    CHECK(next_inspection_due(Date{2024, 3, 1}, 12) == Date{2025, 3, 1});
    CHECK_FALSE(inspection_due(Date{2025, 3, 1}, Date{2025, 2, 28}));
    CHECK(inspection_due(Date{2025, 3, 1}, Date{2025, 3, 1}));
    CHECK(inspection_due(Date{2025, 3, 1}, Date{2025, 3, 2}));
    CHECK(inspection_due(std::nullopt, Date{2025, 3, 2}));
}

TEST_CASE("an inspection is overdue from the day after it is due, or when there never was one") {
    CHECK_FALSE(inspection_overdue(Date{2025, 3, 1}, Date{2025, 3, 1}));   // due today: due, not overdue
    CHECK(inspection_overdue(Date{2025, 3, 1}, Date{2025, 3, 2}));
    CHECK(inspection_overdue(std::nullopt, Date{2025, 3, 2}));
}
