// Appends one row to the patient access log, and one structured line (ids only) to the server log once
// that row is committed.
#include "server/services/patient_access.h"

#include <Poco/Logger.h>

namespace bhm::server {

void log_patient_access(db::AuditRecords& tx, const Actor& actor, db::Id patient_id, std::optional<db::Id> case_id,
                        const std::string& route, const std::string& fields) {
    db::PatientAccess access;
    access.unit_id = actor.caller.unit_id;
    access.at = actor.now;
    access.actor = actor.caller.actor();
    access.role = actor.caller.role;
    access.patient_id = patient_id;
    access.case_id = case_id;
    access.route = route;
    access.fields = fields;
    const db::Id id = tx.append_patient_access(access);
    tx.after_commit([id = std::to_string(id), patient = std::to_string(patient_id),
                     case_text = case_id ? std::to_string(*case_id) : std::string("-"), who = access.actor, fields] {
        Poco::Logger::get("bhm.patient_access").information("patient_access=%s patient=%s case=%s actor=%s fields=%s",
                                                            id, patient, case_text, who, fields);
    });
}

}  // namespace bhm::server
