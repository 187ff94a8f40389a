// A station's scan mode, as one type, and the one table of which role may scan in which mode.
// The table follows the other endpoints: a user may scan only what their role may do there
// (receive = POST /devices, return = /devices/{id}/return, issue = /cases/{id}/reservation,
// inspect = cleaning, count = a stocktake by the warehouse or the workshop). A station token
// stands for a warehouse bench and is not a role; it may use every mode.
#pragma once

#include <optional>
#include <string_view>
#include <vector>

#include "shared/people/role.h"

namespace bhm {

enum class ScanMode { receive, return_device, issue, inspect, count };

inline constexpr ScanMode all_scan_modes[] = {ScanMode::receive, ScanMode::return_device, ScanMode::issue,
                                              ScanMode::inspect, ScanMode::count};

// "receive" | "return" | "issue" | "inspect" | "count", as on the wire and in the scan log.
std::string_view to_string(ScanMode mode);
std::optional<ScanMode> parse_scan_mode(std::string_view text);

// The table: true when a user with this role may scan in this mode.
bool may_scan(Role role, ScanMode mode);
// Every role that may use at least one mode, in Role order: who may reach the scan endpoints.
std::vector<Role> scanning_roles();

}  // namespace bhm
