// The roles a signed-in user of a BHM unit has, as one type. The wire and the user table
// spell them "warehouse", "technician", "caseworker", "manager", "admin"; nothing else parses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhm {

enum class Role { warehouse, technician, caseworker, manager, admin };

inline constexpr Role all_roles[] = {Role::warehouse, Role::technician, Role::caseworker, Role::manager,
                                     Role::admin};

std::string_view to_string(Role role);
std::optional<Role> parse_role(std::string_view text);

}  // namespace bhm
