// The row of the patient access log (migration 0007): one read of a patient's national ID or address.
// Apart from records.h so the privacy work stays in its own files.
#pragma once

#include <optional>
#include <string>

#include "db/records.h"

namespace bhm::db {

struct PatientAccess {
    Id id = 0; Id unit_id = 0; Timestamp at; std::string actor, role;
    Id patient_id = 0; std::optional<Id> case_id; std::string route, fields;
};

}  // namespace bhm::db
