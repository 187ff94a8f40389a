// The national bench store's bulk writer (see bulk_writer.h): one connection, prepared statements,
// a commit every 500,000 rows, and a progress line (rows so far, rows per second) every few seconds.
#include "bulk_writer.h"

#include <cstdio>
#include <stdexcept>

namespace bhm::bench {

namespace {
constexpr std::int64_t rows_per_transaction = 500'000;
}

BulkWriter::BulkWriter(const std::string& path, std::int64_t planned_rows)
    : planned_rows_(planned_rows), started_(std::chrono::steady_clock::now()), last_progress_(started_) {
    check(sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr), "open " + path);
    execute("PRAGMA journal_mode = OFF");
    execute("PRAGMA synchronous = OFF");
    execute("PRAGMA foreign_keys = OFF");   // the generator writes parents before children; checked by the test
    execute("PRAGMA cache_size = -262144");  // 256 MB while building
    execute("BEGIN");
}

BulkWriter::~BulkWriter() {
    for (auto* s : statements_) sqlite3_finalize(s);
    if (db_) sqlite3_close(db_);
}

void BulkWriter::check(int rc, const std::string& what) {
    if (rc == SQLITE_OK || rc == SQLITE_DONE || rc == SQLITE_ROW) return;
    throw std::runtime_error("bulk writer: " + what + ": " + (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc)));
}

void BulkWriter::execute(const std::string& sql) {
    char* error = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error("bulk writer: " + sql + ": " + message);
    }
}

void BulkWriter::defer_indexes(const std::vector<std::string>& tables) {
    for (const auto& table : tables) {
        sqlite3_stmt* s = nullptr;
        check(sqlite3_prepare_v2(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
                                      "AND sql IS NOT NULL",
                                 -1, &s, nullptr),
              "list indexes");
        sqlite3_bind_text(s, 1, table.c_str(), -1, SQLITE_TRANSIENT);
        std::vector<std::string> names;
        while (sqlite3_step(s) == SQLITE_ROW) {
            names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 0)));
            deferred_indexes_.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(s, 1)));
        }
        sqlite3_finalize(s);
        for (const auto& name : names) execute("DROP INDEX \"" + name + "\"");
    }
}

int BulkWriter::prepare(const std::string& sql) {
    sqlite3_stmt* s = nullptr;
    check(sqlite3_prepare_v3(db_, sql.c_str(), -1, SQLITE_PREPARE_PERSISTENT, &s, nullptr), "prepare " + sql);
    statements_.push_back(s);
    return static_cast<int>(statements_.size() - 1);
}

void BulkWriter::bind(sqlite3_stmt* s, int index, std::int64_t value) { check(sqlite3_bind_int64(s, index, value), "bind"); }

void BulkWriter::bind(sqlite3_stmt* s, int index, const std::string& value) {
    check(sqlite3_bind_text(s, index, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT), "bind");
}

void BulkWriter::bind(sqlite3_stmt* s, int index, std::nullopt_t) { check(sqlite3_bind_null(s, index), "bind"); }

void BulkWriter::step(sqlite3_stmt* s) {
    const int rc = sqlite3_step(s);
    if (rc != SQLITE_DONE) {
        std::string message = sqlite3_errmsg(db_);
        sqlite3_reset(s);
        throw std::runtime_error(std::string("bulk writer: ") + sqlite3_sql(s) + ": " + message);
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    ++rows_;
    if (++rows_in_transaction_ >= rows_per_transaction) {
        execute("COMMIT");
        execute("BEGIN");
        rows_in_transaction_ = 0;
        progress(false);
    }
}

void BulkWriter::progress(bool last) {
    const auto now = std::chrono::steady_clock::now();
    if (!last && now - last_progress_ < std::chrono::seconds(3)) return;
    last_progress_ = now;
    const double seconds = std::chrono::duration<double>(now - started_).count();
    std::fprintf(stderr, "  building the national store: %lld of ~%lld rows, %.0f rows/s, %.0f s%s\n",
                 static_cast<long long>(rows_), static_cast<long long>(planned_rows_),
                 seconds > 0 ? static_cast<double>(rows_) / seconds : 0.0, seconds, last ? " (done)" : "");
}

void BulkWriter::finish() {
    execute("COMMIT");
    for (auto* s : statements_) sqlite3_finalize(s);
    statements_.clear();
    const auto before = std::chrono::steady_clock::now();
    for (const auto& sql : deferred_indexes_) execute(sql);
    std::fprintf(stderr, "  building the national store: indexes made again in %.0f s\n",
                 std::chrono::duration<double>(std::chrono::steady_clock::now() - before).count());
    execute("PRAGMA journal_mode = WAL");
    progress(true);
    check(sqlite3_close(db_), "close");
    db_ = nullptr;
}

}  // namespace bhm::bench
