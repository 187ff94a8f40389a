// SQLite Store, patients and cases: the application from request to decision to delivery, its
// number (UNIT-YEAR-NNNNNN, one sequence per unit and year) and the site checks it needs (rule 5).
// update_case is version-checked like update_device. The own-equipment end state is stored as status
// 'closed' with own_equipment = 1 (migration 0002 says why); this file maps it both ways.
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

Patient read_patient(const sql::Row& row) {
    return {row.integer("id"),           row.integer("unit_id"), row.text("national_id"), row.text("name"),
            row.text("address"), row.text("municipality"), row.text("residence")};
}

constexpr const char* patient_columns =
    "SELECT id, unit_id, national_id, name, address, municipality, residence FROM patients ";

// The case's columns in the order case_values() binds them (id and version are handled apart).
constexpr const char* case_fields =
    "unit_id, number, patient_id, category, inpatient, palliative, nebulizer_criteria_met, lymphoedema, "
    "requester_role, requester_hpr, requester_name, status, applied_at, decided_at, approved, grounds, decided_by, "
    "loan_days, complaint_deadline, journal_hpr, journal_written_at, delivered_at, own_equipment, "
    "own_equipment_note";

// The status text stored: the CHECK on cases.status predates the own-equipment end state.
std::string stored_status(CaseStatus status) {
    return status == CaseStatus::own_equipment ? "closed" : to_string(status);
}

std::vector<sql::Value> case_values(const Case& c) {
    return sql::params(c.unit_id, c.number, c.patient_id, c.category, c.inpatient, c.palliative,
                       c.nebulizer_criteria_met, c.lymphoedema, c.requester_role, c.requester_hpr, c.requester_name,
                       stored_status(c.status), c.applied_at, c.decided_at, c.approved, c.grounds, c.decided_by,
                       c.loan_days, c.complaint_deadline, c.journal_hpr, c.journal_written_at, c.delivered_at,
                       c.own_equipment, c.own_equipment_note);
}

Case read_case(const sql::Row& row) {
    Case c;
    c.id = row.integer("id");
    c.unit_id = row.integer("unit_id");
    c.number = row.text("number");
    c.patient_id = row.integer("patient_id");
    c.category = row.text("category");
    c.inpatient = row.flag("inpatient");
    c.palliative = row.flag("palliative");
    c.nebulizer_criteria_met = row.flag("nebulizer_criteria_met");
    c.lymphoedema = row.text("lymphoedema");
    c.requester_role = row.text("requester_role");
    c.requester_hpr = row.text("requester_hpr");
    c.requester_name = row.text("requester_name");
    const std::string status = row.text("status");
    auto parsed = parse_case_status(status);
    if (!parsed) throw std::runtime_error("case " + c.number + " has unknown status '" + status + "'");
    c.status = *parsed;
    c.applied_at = row.timestamp("applied_at");
    c.decided_at = row.optional_timestamp("decided_at");
    c.approved = row.optional_flag("approved");
    c.grounds = row.text("grounds");
    c.decided_by = row.text("decided_by");
    c.loan_days = row.number("loan_days");
    c.complaint_deadline = row.optional_date("complaint_deadline");
    c.journal_hpr = row.text("journal_hpr");
    c.journal_written_at = row.optional_timestamp("journal_written_at");
    c.delivered_at = row.optional_timestamp("delivered_at");
    c.own_equipment = row.flag("own_equipment");
    c.own_equipment_note = row.text("own_equipment_note");
    if (c.status == CaseStatus::closed && c.own_equipment) c.status = CaseStatus::own_equipment;
    c.version = row.integer("version");
    return c;
}

std::string case_select() { return std::string("SELECT id, ") + case_fields + ", version FROM cases "; }

SiteCheckRecord read_site_check(const sql::Row& row) {
    SiteCheckRecord r;
    r.id = row.integer("id");
    r.case_id = row.integer("case_id");
    r.documented_by = row.text("documented_by");
    r.checked_on = row.date("checked_on");
    r.document_ref = row.text("document_ref");
    r.recorded_at = row.timestamp("recorded_at");
    r.recorded_by = row.text("recorded_by");
    r.address = row.text("address");
    r.corrects_id = row.optional_integer("corrects_id");
    r.correction_reason = row.text("correction_reason");
    return r;
}

JournalNoteRecord read_journal_note(const sql::Row& row) {
    JournalNoteRecord r;
    r.id = row.integer("id");
    r.case_id = row.integer("case_id");
    r.hpr_number = row.text("hpr_number");
    r.written_at = row.timestamp("written_at");
    r.recorded_at = row.timestamp("recorded_at");
    r.recorded_by = row.text("recorded_by");
    r.corrects_id = row.optional_integer("corrects_id");
    r.correction_reason = row.text("correction_reason");
    return r;
}

}  // namespace

Id SqliteTransaction::insert_patient(const Patient& patient) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO patients (unit_id, national_id, name, address, municipality, "
                                    "residence) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(patient.unit_id, patient.national_id, patient.name, patient.address,
                                                patient.municipality, patient.residence));
}

std::optional<Patient> SqliteTransaction::patient(Id id) {
    return sql::query(session_, std::string(patient_columns) + "WHERE id = ?", sql::params(id))
        .first<Patient>(read_patient);
}

std::optional<Patient> SqliteTransaction::patient_by_national_id(Id unit_id, const std::string& national_id) {
    return sql::query(session_, std::string(patient_columns) + "WHERE unit_id = ? AND national_id = ?",
                      sql::params(unit_id, national_id))
        .first<Patient>(read_patient);
}

Id SqliteTransaction::insert_case(const Case& c) {
    std::vector<sql::Value> values = case_values(c);
    values.push_back(sql::value(c.version));
    return sql::insert_returning_id(session_,
                                    std::string("INSERT INTO cases (") + case_fields +
                                        ", version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                                        "?, ?, ?, ?, ?, ?) RETURNING id",
                                    values);
}

void SqliteTransaction::update_case(Case& c) {
    std::vector<sql::Value> values = case_values(c);
    values.push_back(sql::value(c.id));
    values.push_back(sql::value(c.version));
    const std::size_t changed = sql::execute(
        session_,
        "UPDATE cases SET unit_id = ?, number = ?, patient_id = ?, category = ?, inpatient = ?, palliative = ?, "
        "nebulizer_criteria_met = ?, lymphoedema = ?, requester_role = ?, requester_hpr = ?, requester_name = ?, "
        "status = ?, applied_at = ?, decided_at = ?, approved = ?, grounds = ?, decided_by = ?, loan_days = ?, "
        "complaint_deadline = ?, journal_hpr = ?, journal_written_at = ?, delivered_at = ?, own_equipment = ?, "
        "own_equipment_note = ?, version = version + 1 WHERE id = ? AND version = ?",
        values);
    if (changed == 0) {
        auto stored = case_by_id(c.id);
        if (!stored) throw std::invalid_argument("no case with id " + std::to_string(c.id));
        throw StaleWrite("case " + stored->number + " was changed by someone else (version " +
                         std::to_string(c.version) + " is stale, the stored one is " +
                         std::to_string(stored->version) + ")");
    }
    c.version += 1;
}

std::optional<Case> SqliteTransaction::case_by_id(Id id) {
    return sql::query(session_, case_select() + "WHERE id = ?", sql::params(id)).first<Case>(read_case);
}

std::optional<Case> SqliteTransaction::case_by_number(const std::string& number) {
    return sql::query(session_, case_select() + "WHERE number = ?", sql::params(number)).first<Case>(read_case);
}

std::vector<Case> SqliteTransaction::cases(Id unit_id, std::optional<CaseStatus> status, const Page& page) {
    std::string sql = case_select() + "WHERE unit_id = ? AND id > ?";
    std::vector<sql::Value> values = sql::params(unit_id, page.after_id);
    if (status) {
        sql += " AND status = ?";
        values.push_back(sql::value(stored_status(*status)));
        if (*status == CaseStatus::closed) sql += " AND own_equipment = 0";
        if (*status == CaseStatus::own_equipment) sql += " AND own_equipment = 1";
    }
    sql += " ORDER BY id LIMIT ?";
    values.push_back(sql::value(checked_page_limit(page)));
    return sql::query(session_, sql, values).map<Case>(read_case);
}

std::string SqliteTransaction::next_case_number(const std::string& unit_code, int year) {
    if (unit_code.empty()) throw std::invalid_argument("a case number needs the unit's code");
    if (year < 1000 || year > 9999) throw std::invalid_argument("a case number needs a four-digit year");
    auto rows = sql::query(session_,
                           "INSERT INTO case_number_sequences (unit_code, year, last_number) VALUES (?, ?, 1) "
                           "ON CONFLICT (unit_code, year) DO UPDATE "
                           "SET last_number = case_number_sequences.last_number + 1 RETURNING last_number",
                           sql::params(unit_code, year));
    const std::int64_t number = rows[0].integer("last_number");
    if (number > 999999) {
        throw std::runtime_error("unit " + unit_code + " has used up the case numbers of " + std::to_string(year));
    }
    std::string digits = std::to_string(number);
    digits.insert(0, 6 - digits.size(), '0');
    return unit_code + "-" + std::to_string(year) + "-" + digits;
}

Id SqliteTransaction::insert_site_check(const SiteCheckRecord& check) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO site_checks (case_id, documented_by, checked_on, document_ref, "
                                    "recorded_at, recorded_by, address, corrects_id, correction_reason) "
                                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(check.case_id, check.documented_by, check.checked_on,
                                                check.document_ref, check.recorded_at, check.recorded_by,
                                                check.address, check.corrects_id, check.correction_reason));
}

std::vector<SiteCheckRecord> SqliteTransaction::site_checks(Id case_id) {
    return sql::query(session_,
                      "SELECT id, case_id, documented_by, checked_on, document_ref, recorded_at, recorded_by, "
                      "address, corrects_id, correction_reason FROM site_checks WHERE case_id = ? ORDER BY id",
                      sql::params(case_id))
        .map<SiteCheckRecord>(read_site_check);
}

Id SqliteTransaction::insert_journal_note(const JournalNoteRecord& note) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO journal_notes (case_id, hpr_number, written_at, recorded_at, "
                                    "recorded_by, corrects_id, correction_reason) VALUES (?, ?, ?, ?, ?, ?, ?) "
                                    "RETURNING id",
                                    sql::params(note.case_id, note.hpr_number, note.written_at, note.recorded_at,
                                                note.recorded_by, note.corrects_id, note.correction_reason));
}

std::vector<JournalNoteRecord> SqliteTransaction::journal_notes(Id case_id) {
    return sql::query(session_,
                      "SELECT id, case_id, hpr_number, written_at, recorded_at, recorded_by, corrects_id, "
                      "correction_reason FROM journal_notes WHERE case_id = ? ORDER BY id",
                      sql::params(case_id))
        .map<JournalNoteRecord>(read_journal_note);
}

}  // namespace bhm::db
