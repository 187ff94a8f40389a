// The scan modes' names and the role table. Caseworkers hand devices out and take them back
// (DOMAIN.md: the unit ships devices, takes returns), so they may issue and return; receiving,
// cleaning/inspection and counting are the warehouse's and the workshop's.
#include "shared/scans/scan_mode.h"

namespace bhm {
namespace {

struct ModeRow {
    ScanMode mode;
    std::string_view name;
    bool warehouse, technician, caseworker, manager, admin;
};

// clang-format off
constexpr ModeRow table[] = {
    //  mode                     name       wareh. techn. casew. manag. admin
    {ScanMode::receive,       "receive", true,  false, false, true,  true},
    {ScanMode::return_device, "return",  true,  false, true,  true,  true},
    {ScanMode::issue,         "issue",   true,  false, true,  true,  true},
    {ScanMode::inspect,       "inspect", true,  true,  false, true,  true},
    {ScanMode::count,         "count",   true,  true,  false, true,  true},
};
// clang-format on

const ModeRow& row_of(ScanMode mode) {
    for (const auto& row : table)
        if (row.mode == mode) return row;
    return table[0];   // unreachable: every mode has a row (tested)
}

}  // namespace

std::string_view to_string(ScanMode mode) { return row_of(mode).name; }

std::optional<ScanMode> parse_scan_mode(std::string_view text) {
    for (const auto& row : table)
        if (row.name == text) return row.mode;
    return std::nullopt;
}

bool may_scan(Role role, ScanMode mode) {
    const auto& row = row_of(mode);
    switch (role) {
        case Role::warehouse: return row.warehouse;
        case Role::technician: return row.technician;
        case Role::caseworker: return row.caseworker;
        case Role::manager: return row.manager;
        case Role::admin: return row.admin;
    }
    return false;
}

std::vector<Role> scanning_roles() {
    std::vector<Role> roles;
    for (Role role : all_roles)
        for (ScanMode mode : all_scan_modes)
            if (may_scan(role, mode)) {
                roles.push_back(role);
                break;
            }
    return roles;
}

}  // namespace bhm
