// The two access rules of shared/people/patient_access.h.
#include "shared/people/patient_access.h"

namespace bhm {

bool may_see_patient_identity(std::string_view role, bool same_unit) {
    return same_unit && (role == "caseworker" || role == "manager" || role == "admin");
}

bool may_read_patient_access_log(std::string_view role) { return role == "manager" || role == "admin"; }

}  // namespace bhm
