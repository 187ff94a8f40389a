// The patient access log (Normen): a view that shows a patient's national ID or address records who saw
// it, when, for which case and why (the request's route), in the transaction that reads it.
#pragma once

#include <optional>
#include <string>

#include "db/store.h"
#include "server/services/actor.h"

namespace bhm::server {

// `fields` says what was shown, e.g. "national_id,name,address". Logs a line with ids only.
void log_patient_access(db::AuditRecords& tx, const Actor& actor, db::Id patient_id, std::optional<db::Id> case_id,
                        const std::string& route, const std::string& fields);

}  // namespace bhm::server
