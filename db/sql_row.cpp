// Binding, reading and error translation for the Store's SQL (see sql_row.h). Every Poco exception
// leaves here as a Store exception or a std::runtime_error carrying SQLite's own message.
#include "db/sql_row.h"

#include <limits>
#include <stdexcept>

#include <Poco/Data/SQLite/SQLiteException.h>
#include <Poco/Data/SQLite/Utility.h>
#include <sqlite3.h>
#include <Poco/Data/Statement.h>
#include <Poco/Nullable.h>

#include "db/store.h"

namespace bhm::db::sql {

namespace {

using Poco::Data::Keywords::bind;

void bind_all(Poco::Data::Statement& statement, const std::vector<Value>& params) {
    for (const Value& param : params) {
        if (std::holds_alternative<std::monostate>(param)) {
            statement.addBind(bind(Poco::Nullable<std::string>()));
        } else if (const auto* number = std::get_if<std::int64_t>(&param)) {
            statement.addBind(bind(static_cast<Poco::Int64>(*number)));
        } else if (const auto* real = std::get_if<double>(&param)) {
            statement.addBind(bind(*real));
        } else {
            statement.addBind(bind(std::get<std::string>(param)));
        }
    }
}

bool contains(const std::string& text, std::string_view part) { return text.find(part) != std::string::npos; }

[[noreturn]] void throw_store_error(const Poco::Exception& error) {
    const std::string message = error.message().empty() ? error.displayText() : error.message();
    if (dynamic_cast<const Poco::Data::SQLite::ConstraintViolationException*>(&error) != nullptr) {
        const std::string unique = "UNIQUE constraint failed: ";
        if (auto at = message.find(unique); at != std::string::npos) {
            throw DuplicateKey("duplicate key: " + message.substr(at + unique.size()) +
                               " already holds this value");
        }
        if (contains(message, "FOREIGN KEY")) {
            throw std::invalid_argument("a referenced record does not exist (" + message + ")");
        }
        throw std::invalid_argument("a value is not allowed here (" + message + ")");
    }
    throw std::runtime_error("database error: " + error.displayText());
}

}  // namespace

std::size_t execute(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params) {
    try {
        Poco::Data::Statement statement(session);
        statement << sql;
        bind_all(statement, params);
        return statement.execute();
    } catch (const Poco::Exception& error) {
        throw_store_error(error);
    }
}

Rows query(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params) {
    try {
        Poco::Data::Statement statement(session);
        statement << sql;
        bind_all(statement, params);
        statement.execute();
        return Rows(statement);
    } catch (const Poco::Exception& error) {
        throw_store_error(error);
    }
}

bool in_transaction(Poco::Data::Session& session) {
    return sqlite3_get_autocommit(Poco::Data::SQLite::Utility::dbHandle(session)) == 0;
}

void rollback_quietly(Poco::Data::Session& session) {
    try {
        if (in_transaction(session)) execute(session, "ROLLBACK");
    } catch (const std::exception&) {
        // Nothing more to do: SQLite rolls back an open transaction when the connection closes.
    }
}

std::int64_t insert_returning_id(Poco::Data::Session& session, const std::string& sql,
                                 const std::vector<Value>& params) {
    Rows rows = query(session, sql, params);
    if (rows.size() != 1) throw std::logic_error("INSERT ... RETURNING id gave no single row: " + sql);
    return rows[0].integer("id");
}

Rows::Rows(const Poco::Data::Statement& executed) : records_(executed), size_(records_.rowCount()) {
    for (std::size_t column = 0; column < records_.columnCount(); ++column) {
        positions_.emplace(records_.columnName(column), column);
    }
}

std::size_t Rows::position(std::string_view column) const {
    auto found = positions_.find(column);
    if (found == positions_.end()) throw std::logic_error("the result has no column '" + std::string(column) + "'");
    return found->second;
}

bool Row::is_null(std::string_view column) const {
    return rows_.records_.isNull(rows_.position(column), index_);
}

Poco::Dynamic::Var Row::raw(std::string_view column) const {
    const std::size_t position = rows_.position(column);
    if (rows_.records_.isNull(position, index_)) {
        throw std::runtime_error("column '" + std::string(column) + "' is NULL where a value is required");
    }
    return rows_.records_.value(position, index_);
}

std::string Row::text(std::string_view column) const {
    if (is_null(column)) return {};
    return raw(column).convert<std::string>();
}

std::int64_t Row::integer(std::string_view column) const {
    try {
        return raw(column).convert<Poco::Int64>();
    } catch (const Poco::Exception&) {
        throw std::runtime_error("column '" + std::string(column) + "' does not hold an integer");
    }
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
    try {
        return raw(column).convert<double>();
    } catch (const Poco::Exception&) {
        throw std::runtime_error("column '" + std::string(column) + "' does not hold a number");
    }
}

Date Row::date(std::string_view column) const {
    const std::string stored = raw(column).convert<std::string>();
    auto parsed = parse_iso_date(stored);
    if (!parsed) throw std::runtime_error("column '" + std::string(column) + "' holds '" + stored + "', not a date");
    return *parsed;
}

Timestamp Row::timestamp(std::string_view column) const {
    const std::string stored = raw(column).convert<std::string>();
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
