// Who may see a patient's identity, and who may read the log of who saw it (Normen: access to health
// information is logged and can be checked). The server logs every view that shows a national ID or an address.
#pragma once

#include <string_view>

namespace bhm {

// The patient's national ID, name and address (also a site check's address) are for the unit's caseworkers,
// managers and admins; the warehouse, technicians, stations and other units see only the municipality.
bool may_see_patient_identity(std::string_view role, bool same_unit);

// The unit's patient access log is read by its managers and admins.
bool may_read_patient_access_log(std::string_view role);

}  // namespace bhm
