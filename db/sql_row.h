// A thin layer over the sqlite3 C API for the Store: bind a list of values (NULLs included) to a
// statement, read result rows by column name as the domain's types, and turn SQLite errors into the
// Store's exceptions (UNIQUE -> DuplicateKey, FOREIGN KEY/CHECK/NOT NULL -> std::invalid_argument).
// On a Connection (db/sql_connection.h) statements are prepared once and reused; on a bare Poco
// session (the migration runner, tests) each call prepares and finalizes its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <Poco/Data/Session.h>

#include "db/sql_connection.h"

#include "shared/core/date.h"

namespace bhm::db::sql {

// One bound parameter: NULL, an integer, a real or text. Dates and timestamps travel as ISO text,
// booleans as 0/1, so the stored values sort and compare the same way in SQLite and PostgreSQL.
using Value = std::variant<std::monostate, std::int64_t, double, std::string>;

inline Value value(std::monostate) { return {}; }
inline Value value(std::int64_t number) { return number; }
inline Value value(int number) { return std::int64_t{number}; }
inline Value value(bool flag) { return std::int64_t{flag ? 1 : 0}; }
inline Value value(double number) { return number; }
inline Value value(const std::string& text) { return text; }
inline Value value(const char* text) { return std::string(text); }
inline Value value(Date date) { return to_iso(date); }
inline Value value(Timestamp time) { return to_iso(time); }
template <class T>
Value value(const std::optional<T>& maybe) {
    return maybe ? value(*maybe) : Value{};
}

// params(a, b, c): the values for the statement's `?` placeholders, in order.
template <class... Args>
std::vector<Value> params(const Args&... args) {
    return {value(args)...};
}

class Rows;

// One row of a result, read by column name. A missing column is a programming error (std::logic_error);
// a stored value that is not what the column should hold is a std::runtime_error naming the column.
class Row {
public:
    Row(const Rows& rows, std::size_t index) : rows_(rows), index_(index) {}

    bool is_null(std::string_view column) const;
    std::string text(std::string_view column) const;  // NULL reads as ""
    std::int64_t integer(std::string_view column) const;
    int number(std::string_view column) const;        // an integer that must fit an int
    bool flag(std::string_view column) const;         // 0/1
    double real(std::string_view column) const;
    Date date(std::string_view column) const;
    Timestamp timestamp(std::string_view column) const;

    std::optional<std::int64_t> optional_integer(std::string_view column) const;
    std::optional<bool> optional_flag(std::string_view column) const;
    std::optional<Date> optional_date(std::string_view column) const;
    std::optional<Timestamp> optional_timestamp(std::string_view column) const;

private:
    const Value& cell(std::string_view column) const;
    const Value& present(std::string_view column) const;  // throws when NULL
    const Rows& rows_;
    std::size_t index_;
};

// The rows of an executed SELECT (or INSERT/UPDATE ... RETURNING), copied out of SQLite.
class Rows {
public:
    Rows() = default;
    Rows(const Rows&) = delete;
    Rows& operator=(const Rows&) = delete;
    Rows(Rows&&) = default;
    Rows& operator=(Rows&&) = default;

    std::size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    Row operator[](std::size_t index) const { return Row(*this, index); }

    // Maps every row with `read` into a vector.
    template <class T>
    std::vector<T> map(const std::function<T(const Row&)>& read) const {
        std::vector<T> out;
        out.reserve(size_);
        for (std::size_t i = 0; i < size_; ++i) out.push_back(read((*this)[i]));
        return out;
    }
    // The first row mapped with `read`, or nothing when there is no row.
    template <class T>
    std::optional<T> first(const std::function<T(const Row&)>& read) const {
        if (size_ == 0) return std::nullopt;
        return read((*this)[0]);
    }

    // Filled by the query functions in sql_row.cpp.
    void add_column(std::string name) { positions_.emplace(std::move(name), columns_++); }  // the first of a name wins
    void add_cell(Value value) { cells_.push_back(std::move(value)); }
    void end_row() { ++size_; }

private:
    friend class Row;
    std::size_t position(std::string_view column) const;
    std::vector<Value> cells_;   // row after row, columns_ cells each
    std::size_t columns_ = 0;
    std::size_t size_ = 0;
    std::map<std::string, std::size_t, std::less<>> positions_;
};

// Runs a statement (or, without params, a script of several) that returns no rows; returns the number
// of rows the last statement changed.
std::size_t execute(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params = {});
std::size_t execute(Connection& connection, const std::string& sql, const std::vector<Value>& params = {});
// Runs a statement that returns rows.
Rows query(Poco::Data::Session& session, const std::string& sql, const std::vector<Value>& params = {});
Rows query(Connection& connection, const std::string& sql, const std::vector<Value>& params = {});
// True while the connection is inside BEGIN ... COMMIT/ROLLBACK (asks SQLite, not Poco's own flag,
// which does not see transactions begun with plain SQL).
bool in_transaction(Poco::Data::Session& session);
bool in_transaction(Connection& connection);
// Rolls back if a transaction is open; never throws (the error that led here is the one to report).
void rollback_quietly(Poco::Data::Session& session);
void rollback_quietly(Connection& connection);
// Runs `INSERT ... RETURNING id` and returns the new id.
std::int64_t insert_returning_id(Poco::Data::Session& session, const std::string& sql,
                                 const std::vector<Value>& params);
std::int64_t insert_returning_id(Connection& connection, const std::string& sql, const std::vector<Value>& params);

}  // namespace bhm::db::sql
