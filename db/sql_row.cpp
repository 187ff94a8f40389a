// Binding, reading and error translation for the Store's SQL (see sql_row.h), on the sqlite3 C API.
// Every SQLite error leaves here as a Store exception or a std::runtime_error carrying SQLite's own
// message. Poco::Data only opens the connections: its Statement and RecordSet cost several times
// what SQLite itself spends on the store's small queries.
#include "db/sql_row.h"

#include <charconv>
#include <limits>
#include <memory>
#include <stdexcept>

#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>

#include "db/store.h"

namespace bhm::db::sql {

namespace {

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

[[noreturn]] void throw_store_error(sqlite3* db, int rc) {
    const std::string message = sqlite3_errmsg(db);
    const int extended = sqlite3_extended_errcode(db);
    if ((rc & 0xff) == SQLITE_CONSTRAINT) {
        const std::string unique = "UNIQUE constraint failed: ";
        if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY) {
            const auto at = message.find(unique);
            throw DuplicateKey("duplicate key: " + (at == std::string::npos ? message : message.substr(at + unique.size())) +
                               " already holds this value");
        }
        if (extended == SQLITE_CONSTRAINT_FOREIGNKEY || contains(message, "FOREIGN KEY")) {
            throw std::invalid_argument("a referenced record does not exist (" + message + ")");
        }
        throw std::invalid_argument("a value is not allowed here (" + message + ")");
    }
    throw std::runtime_error("database error: " + message);
}

void bind_all(sqlite3* db, sqlite3_stmt* statement, const std::vector<Value>& params) {
    if (static_cast<int>(params.size()) != sqlite3_bind_parameter_count(statement)) {
        throw std::logic_error("the statement takes " + std::to_string(sqlite3_bind_parameter_count(statement)) +
                               " parameters, given " + std::to_string(params.size()) + ": " + sqlite3_sql(statement));
    }
    int index = 1;
    for (const Value& param : params) {
        int rc;
        if (std::holds_alternative<std::monostate>(param)) {
            rc = sqlite3_bind_null(statement, index);
        } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
            rc = sqlite3_bind_int64(statement, index, *number);
        } else if (const auto* real = std::get_if<double>(&param)) {
            rc = sqlite3_bind_double(statement, index, *real);
        } else {
            const auto& text = std::get<std::string>(param);
            rc = sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) throw_store_error(db, rc);
        ++index;
    }
}

Value cell_value(sqlite3_stmt* statement, int column) {
    switch (sqlite3_column_type(statement, column)) {
        case SQLITE_NULL: return {};
        case SQLITE_INTEGER: return std::int64_t{sqlite3_column_int64(statement, column)};
        case SQLITE_FLOAT: return sqlite3_column_double(statement, column);
        default: {
            const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
            return std::string(bytes ? bytes : "", static_cast<std::size_t>(sqlite3_column_bytes(statement, column)));
        }
    }
}

// Steps a bound statement to its end, copying rows into `rows` when given; then resets it (keeping
// it for reuse) whether it succeeded or not. Returns the rows it changed.
std::size_t run(sqlite3* db, sqlite3_stmt* statement, Rows* rows) {
    struct Reset {
        sqlite3_stmt* statement;
        ~Reset() {
            sqlite3_reset(statement);
            sqlite3_clear_bindings(statement);
        }
    } reset{statement};
    const int columns = sqlite3_column_count(statement);
    if (rows) {
        for (int c = 0; c < columns; ++c) rows->add_column(sqlite3_column_name(statement, c));
    }
    int rc;
    while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
        if (!rows) continue;
        for (int c = 0; c < columns; ++c) rows->add_cell(cell_value(statement, c));
        rows->end_row();
    }
    if (rc != SQLITE_DONE) throw_store_error(db, rc);
    return static_cast<std::size_t>(sqlite3_changes(db));
}

using Finalizer = std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)>;

// Prepares, runs and finalizes each statement of `sql` in turn; params bind to a single statement.
std::size_t run_uncached(sqlite3* db, const std::string& sql, const std::vector<Value>& params, Rows* rows) {
    const char* next = sql.c_str();
    const char* const end = next + sql.size();
    std::size_t changed = 0;
    bool first = true;
    while (next < end) {
        sqlite3_stmt* raw = nullptr;
        const char* tail = nullptr;
        const int rc = sqlite3_prepare_v2(db, next, static_cast<int>(end - next), &raw, &tail);
        if (rc != SQLITE_OK) throw_store_error(db, rc);
        next = tail;
        if (!raw) continue;   // only a comment or white space was left
        Finalizer statement(raw, sqlite3_finalize);
        if (first) bind_all(db, raw, params);
        else if (!params.empty()) throw std::logic_error("parameters given for a script of several statements");
        first = false;
        changed = run(db, raw, rows);
    }
    return changed;
}

sqlite3* handle_of(Poco::Data::Session& session) { return Poco::Data::SQLite::Utility::dbHandle(session); }

}  // namespace

Connection::Connection(Poco::Data::Session session) : session_(std::move(session)), handle_(handle_of(session_)) {}

Connection::~Connection() {
    for (auto& [sql, statement] : cache_) sqlite3_finalize(statement);
}

sqlite3_stmt* Connection::statement(const std::string& sql) {
    if (auto found = cache_.find(sql); found != cache_.end()) return found->second;
    sqlite3_stmt* prepared = nullptr;
    const char* tail = nullptr;
    const int rc = sqlite3_prepare_v3(handle_, sql.c_str(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &prepared, &tail);
    if (rc != SQLITE_OK) throw_store_error(handle_, rc);
    for (; tail && *tail; ++tail) {
        if (*tail != ' ' && *tail != '\n' && *tail != '\t' && *tail != '\r' && *tail != ';') {
            sqlite3_finalize(prepared);
            return nullptr;   // a script of several statements: not cached
        }
    }
    if (!prepared) return nullptr;
    cache_.emplace(sql, prepared);
    return prepared;
}

std::size_t execute(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params) {
    return run_uncached(handle_of(session), sql, params, nullptr);
}

std::size_t execute(Connection& connection, const std::string& sql, const std::vector<Value>& params) {
    sqlite3_stmt* statement = connection.statement(sql);
    if (!statement) return run_uncached(connection.handle(), sql, params, nullptr);
    bind_all(connection.handle(), statement, params);
    return run(connection.handle(), statement, nullptr);
}

Rows query(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params) {
    Rows rows;
    run_uncached(handle_of(session), sql, params, &rows);
    return rows;
}

Rows query(Connection& connection, const std::string& sql, const std::vector<Value>& params) {
    Rows rows;
    sqlite3_stmt* statement = connection.statement(sql);
    if (!statement) {
        run_uncached(connection.handle(), sql, params, &rows);
        return rows;
    }
    bind_all(connection.handle(), statement, params);
    run(connection.handle(), statement, &rows);
    return rows;
}

bool in_transaction(Poco::Data::Session& session) { return sqlite3_get_autocommit(handle_of(session)) == 0; }

bool in_transaction(Connection& connection) { return sqlite3_get_autocommit(connection.handle()) == 0; }

void rollback_quietly(Poco::Data::Session& session) {
    try {
        if (in_transaction(session)) execute(session, "ROLLBACK");
    } catch (const std::exception&) {
        // Nothing more to do: SQLite rolls back an open transaction when the connection closes.
    }
}

void rollback_quietly(Connection& connection) {
    try {
        if (in_transaction(connection)) execute(connection, "ROLLBACK");
    } catch (const std::exception&) {
        // As above.
    }
}

std::int64_t insert_returning_id(Poco::Data::Session& session, const std::string& sql,
                                 const std::vector<Value>& params) {
    Rows rows = query(session, sql, params);
    if (rows.size() != 1) throw std::logic_error("INSERT ... RETURNING id gave no single row: " + sql);
    return rows[0].integer("id");
}

std::int64_t insert_returning_id(Connection& connection, const std::string& sql, const std::vector<Value>& params) {
    Rows rows = query(connection, sql, params);
    if (rows.size() != 1) throw std::logic_error("INSERT ... RETURNING id gave no single row: " + sql);
    return rows[0].integer("id");
}

std::size_t Rows::position(std::string_view column) const {
    auto found = positions_.find(column);
    if (found == positions_.end()) throw std::logic_error("the result has no column '" + std::string(column) + "'");
    return found->second;
}

const Value& Row::cell(std::string_view column) const {
    return rows_.cells_[index_ * rows_.columns_ + rows_.position(column)];
}

const Value& Row::present(std::string_view column) const {
    const Value& value = cell(column);
    if (std::holds_alternative<std::monostate>(value)) {
        throw std::runtime_error("column '" + std::string(column) + "' is NULL where a value is required");
    }
    return value;
}

bool Row::is_null(std::string_view column) const { return std::holds_alternative<std::monostate>(cell(column)); }

std::string Row::text(std::string_view column) const {
    const Value& value = cell(column);
    if (const auto* text = std::get_if<std::string>(&value)) return *text;
    if (const auto* number = std::get_if<std::int64_t>(&value)) return std::to_string(*number);
    if (const auto* real = std::get_if<double>(&value)) return std::to_string(*real);
    return {};
}

std::int64_t Row::integer(std::string_view column) const {
    const Value& value = present(column);
    if (const auto* number = std::get_if<std::int64_t>(&value)) return *number;
    if (const auto* text = std::get_if<std::string>(&value)) {
        std::int64_t parsed = 0;
        const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), parsed);
        if (error == std::errc() && end == text->data() + text->size()) return parsed;
    }
    throw std::runtime_error("column '" + std::string(column) + "' does not hold an integer");
}

int Row::number(std::string_view column) const {
    const std::int64_t wide = integer(column);
    if (wide < std::numeric_limits<int>::min() || wide > std::numeric_limits<int>::max()) {
        throw std::runtime_error("column '" + std::string(column) + "' holds a number too large for an int");
    }
    return static_cast<int>(wide);
}

bool Row::flag(std::string_view column) const {
    const std::int64_t stored = integer(column);
    if (stored != 0 && stored != 1) throw std::runtime_error("column '" + std::string(column) + "' is not 0 or 1");
    return stored == 1;
}

double Row::real(std::string_view column) const {
    const Value& value = present(column);
    if (const auto* real = std::get_if<double>(&value)) return *real;
    if (const auto* number = std::get_if<std::int64_t>(&value)) return static_cast<double>(*number);
    throw std::runtime_error("column '" + std::string(column) + "' does not hold a number");
}

Date Row::date(std::string_view column) const {
    present(column);
    const std::string stored = text(column);
    auto parsed = parse_iso_date(stored);
    if (!parsed) throw std::runtime_error("column '" + std::string(column) + "' holds '" + stored + "', not a date");
    return *parsed;
}

Timestamp Row::timestamp(std::string_view column) const {
    present(column);
    const std::string stored = text(column);
    auto parsed = parse_iso_timestamp(stored);
    if (!parsed) {
        throw std::runtime_error("column '" + std::string(column) + "' holds '" + stored + "', not a timestamp");
    }
    return *parsed;
}

std::optional<std::int64_t> Row::optional_integer(std::string_view column) const {
    if (is_null(column)) return std::nullopt;
    return integer(column);
}

std::optional<bool> Row::optional_flag(std::string_view column) const {
    if (is_null(column)) return std::nullopt;
    return flag(column);
}

std::optional<Date> Row::optional_date(std::string_view column) const {
    if (is_null(column)) return std::nullopt;
    return date(column);
}

std::optional<Timestamp> Row::optional_timestamp(std::string_view column) const {
    if (is_null(column)) return std::nullopt;
    return timestamp(column);
}

}  // namespace bhm::db::sql
