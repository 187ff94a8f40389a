// SQLite Store, loans: a device out with a patient, from delivery (discharge or shipped) to its
// return; what went with it (manual, training, fitted and tested) and when it is due for review.
#include <stdexcept>

#include "db/sql_row.h"
#include "db/sqlite/hot_queries.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

namespace {

constexpr const char* loan_columns = sqlite_sql::loan_select;

Loan read_loan(const sql::Row& row) {
    Loan loan;
    loan.id = row.integer("id");
    loan.unit_id = row.integer("unit_id");
    loan.case_id = row.integer("case_id");
    loan.device_id = row.integer("device_id");
    loan.delivered_at = row.timestamp("delivered_at");
    loan.due_on = row.date("due_on");
    loan.handover = row.text("handover");
    loan.manual_included = row.flag("manual_included");
    loan.training_recorded = row.flag("training_recorded");
    loan.fitted_and_tested = row.flag("fitted_and_tested");
    loan.trained_who = row.text("trained_who");
    loan.not_fitted_reason = row.text("not_fitted_reason");
    loan.delivered_by = row.text("delivered_by");
    loan.returned_at = row.optional_timestamp("returned_at");
    loan.end_reason = row.text("end_reason");
    return loan;
}

}  // namespace

Id SqliteTransaction::insert_loan(const Loan& loan) {
    return sql::insert_returning_id(
        session_,
        "INSERT INTO loans (unit_id, case_id, device_id, delivered_at, due_on, handover, manual_included, "
        "training_recorded, fitted_and_tested, trained_who, not_fitted_reason, delivered_by, returned_at, end_reason) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
        sql::params(loan.unit_id, loan.case_id, loan.device_id, loan.delivered_at, loan.due_on, loan.handover,
                    loan.manual_included, loan.training_recorded, loan.fitted_and_tested, loan.trained_who,
                    loan.not_fitted_reason, loan.delivered_by, loan.returned_at, loan.end_reason));
}

// Everything but the loan's identity (unit, case, device) may change: due date, return, handover notes.
void SqliteTransaction::update_loan(const Loan& loan) {
    const std::size_t changed = sql::execute(
        session_,
        "UPDATE loans SET delivered_at = ?, due_on = ?, handover = ?, manual_included = ?, training_recorded = ?, "
        "fitted_and_tested = ?, trained_who = ?, not_fitted_reason = ?, delivered_by = ?, returned_at = ?, "
        "end_reason = ? WHERE id = ?",
        sql::params(loan.delivered_at, loan.due_on, loan.handover, loan.manual_included, loan.training_recorded,
                    loan.fitted_and_tested, loan.trained_who, loan.not_fitted_reason, loan.delivered_by,
                    loan.returned_at, loan.end_reason, loan.id));
    if (changed == 0) throw std::invalid_argument("no loan with id " + std::to_string(loan.id));
}

std::optional<Loan> SqliteTransaction::loan(Id id) {
    return sql::query(session_, std::string(loan_columns) + "WHERE id = ?", sql::params(id)).first<Loan>(read_loan);
}

std::optional<Loan> SqliteTransaction::open_loan_for_device(Id device_id) {
    return sql::query(session_, std::string(loan_columns) + "WHERE device_id = ? AND returned_at IS NULL",
                      sql::params(device_id))
        .first<Loan>(read_loan);
}

std::vector<Loan> SqliteTransaction::loans_of_case(Id case_id) {
    return sql::query(session_, std::string(loan_columns) + "WHERE case_id = ? ORDER BY id", sql::params(case_id))
        .map<Loan>(read_loan);
}

std::vector<Loan> SqliteTransaction::loans_of_device(Id device_id) {
    return sql::query(session_, std::string(loan_columns) + "WHERE device_id = ? ORDER BY delivered_at, id",
                      sql::params(device_id))
        .map<Loan>(read_loan);
}

std::vector<Loan> SqliteTransaction::open_loans_due(Id unit_id, Date due_by) {
    return sql::query(session_, sqlite_sql::open_loans_due_page,
                      sql::params(unit_id, due_by, std::string(), Id{0}, std::int64_t{-1}))
        .map<Loan>(read_loan);
}

// The same list a page at a time, after (page.after_date, page.after_id); no date is before every due date.
std::vector<Loan> SqliteTransaction::open_loans_due(Id unit_id, Date due_by, const DatedPage& page) {
    const std::string after = page.after_date ? to_iso(*page.after_date) : std::string();
    return sql::query(session_, sqlite_sql::open_loans_due_page,
                      sql::params(unit_id, due_by, after, page.after_id, std::int64_t{checked_page_limit({page.limit, 0})}))
        .map<Loan>(read_loan);
}

std::vector<Loan> SqliteTransaction::loans_of_unit_cases(Id unit_id) {
    return sql::query(session_, sqlite_sql::loans_of_unit_cases, sql::params(unit_id)).map<Loan>(read_loan);
}

std::vector<Loan> SqliteTransaction::loans_between(Id unit_id, Timestamp from, Timestamp to) {
    return sql::query(session_,
                      std::string(loan_columns) +
                          "WHERE unit_id = ? AND delivered_at <= ? AND (returned_at IS NULL OR returned_at >= ?) "
                          "ORDER BY id",
                      sql::params(unit_id, to, from))
        .map<Loan>(read_loan);
}

}  // namespace bhm::db
