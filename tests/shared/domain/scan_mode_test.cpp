// The one table of which role may scan in which mode (shared/scans/scan_mode.h).
#include <catch2/catch.hpp>

#include "shared/scans/scan_mode.h"

using namespace bhm;

TEST_CASE("every scan mode and role name reads back as itself", "[scan_mode]") {
    for (ScanMode mode : all_scan_modes) CHECK(parse_scan_mode(to_string(mode)) == mode);
    for (Role role : all_roles) CHECK(parse_role(to_string(role)) == role);
    CHECK(to_string(ScanMode::return_device) == "return");
    CHECK_FALSE(parse_scan_mode("borrow"));
    CHECK_FALSE(parse_scan_mode("Receive"));
    CHECK_FALSE(parse_role("station"));
}

TEST_CASE("a caseworker may issue and return by scan, but not receive, inspect or count", "[scan_mode]") {
    CHECK(may_scan(Role::caseworker, ScanMode::issue));
    CHECK(may_scan(Role::caseworker, ScanMode::return_device));
    CHECK_FALSE(may_scan(Role::caseworker, ScanMode::receive));
    CHECK_FALSE(may_scan(Role::caseworker, ScanMode::inspect));
    CHECK_FALSE(may_scan(Role::caseworker, ScanMode::count));
}

TEST_CASE("a technician may inspect and count by scan, nothing that moves a loan", "[scan_mode]") {
    CHECK(may_scan(Role::technician, ScanMode::inspect));
    CHECK(may_scan(Role::technician, ScanMode::count));
    CHECK_FALSE(may_scan(Role::technician, ScanMode::receive));
    CHECK_FALSE(may_scan(Role::technician, ScanMode::issue));
    CHECK_FALSE(may_scan(Role::technician, ScanMode::return_device));
}

TEST_CASE("warehouse, manager and admin may scan in every mode", "[scan_mode]") {
    for (Role role : {Role::warehouse, Role::manager, Role::admin})
        for (ScanMode mode : all_scan_modes) CHECK(may_scan(role, mode));
}

TEST_CASE("every role that may use some mode reaches the scan endpoints", "[scan_mode]") {
    const std::vector<Role> expected{Role::warehouse, Role::technician, Role::caseworker, Role::manager,
                                     Role::admin};
    CHECK(scanning_roles() == expected);
}
