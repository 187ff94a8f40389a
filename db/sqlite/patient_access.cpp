// SQLite Store, the patient access log (migration 0007_patient_access_log): append and list per unit.
#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {
namespace {

PatientAccess read_access(const sql::Row& row) {
    PatientAccess a;
    a.id = row.integer("id");
    a.unit_id = row.integer("unit_id");
    a.at = row.timestamp("at");
    a.actor = row.text("actor");
    a.role = row.text("role");
    a.patient_id = row.integer("patient_id");
    a.case_id = row.optional_integer("case_id");
    a.route = row.text("route");
    a.fields = row.text("fields");
    return a;
}

}  // namespace

Id SqliteTransaction::append_patient_access(const PatientAccess& a) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO patient_access_log (unit_id, at, actor, role, patient_id, case_id, route, fields) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(a.unit_id, a.at, a.actor, a.role, a.patient_id, a.case_id, a.route, a.fields));
}

std::vector<PatientAccess> SqliteTransaction::patient_access_log(Id unit_id, const Page& page) {
    return sql::query(session_,
                      "SELECT id, unit_id, at, actor, role, patient_id, case_id, route, fields FROM patient_access_log "
                      "WHERE unit_id = ? AND id > ? ORDER BY id LIMIT ?",
                      sql::params(unit_id, page.after_id, checked_page_limit(page)))
        .map<PatientAccess>(read_access);
}

}  // namespace bhm::db
