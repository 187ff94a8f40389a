// Role names, one table both ways.
#include "shared/people/role.h"

namespace bhm {

std::string_view to_string(Role role) {
    switch (role) {
        case Role::warehouse: return "warehouse";
        case Role::technician: return "technician";
        case Role::caseworker: return "caseworker";
        case Role::manager: return "manager";
        case Role::admin: return "admin";
    }
    return "";
}

std::optional<Role> parse_role(std::string_view text) {
    for (Role role : all_roles)
        if (to_string(role) == text) return role;
    return std::nullopt;
}

}  // namespace bhm
