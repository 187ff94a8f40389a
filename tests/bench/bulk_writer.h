// Raw sqlite3 prepared inserts in big transactions, for building the national bench store quickly:
// journal_mode=OFF and synchronous=OFF while it writes, the big tables' secondary indexes dropped and
// made again at the end (from their own CREATE INDEX text), then journal_mode=WAL as the server expects.
#pragma once

#include <sqlite3.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bhm::bench {

class BulkWriter {
public:
    // Opens an existing store file (made by the migrations) for bulk writing and begins a transaction.
    explicit BulkWriter(const std::string& path, std::int64_t planned_rows);
    ~BulkWriter();
    BulkWriter(const BulkWriter&) = delete;
    BulkWriter& operator=(const BulkWriter&) = delete;

    // Drops the secondary indexes of `tables` (kept to make again in finish()).
    void defer_indexes(const std::vector<std::string>& tables);

    // A prepared statement, by handle.
    int prepare(const std::string& sql);

    // Binds the values in order, steps and resets; commits every few hundred thousand rows and prints progress.
    template <class... Values>
    void insert(int statement, const Values&... values) {
        sqlite3_stmt* s = statements_.at(static_cast<std::size_t>(statement));
        int index = 0;
        (bind(s, ++index, values), ...);
        step(s);
    }

    void execute(const std::string& sql);
    // Commits, makes the deferred indexes again, switches to WAL and closes. Prints the final line.
    void finish();

    std::int64_t rows() const { return rows_; }

private:
    void bind(sqlite3_stmt* s, int index, std::int64_t value);
    void bind(sqlite3_stmt* s, int index, int value) { bind(s, index, static_cast<std::int64_t>(value)); }
    void bind(sqlite3_stmt* s, int index, bool value) { bind(s, index, static_cast<std::int64_t>(value ? 1 : 0)); }
    void bind(sqlite3_stmt* s, int index, const std::string& value);
    void bind(sqlite3_stmt* s, int index, const char* value) { bind(s, index, std::string(value)); }
    void bind(sqlite3_stmt* s, int index, std::nullopt_t);
    template <class T>
    void bind(sqlite3_stmt* s, int index, const std::optional<T>& value) {
        if (value) bind(s, index, *value);
        else bind(s, index, std::nullopt);
    }
    void step(sqlite3_stmt* s);
    void check(int rc, const std::string& what);
    void progress(bool last);

    sqlite3* db_ = nullptr;
    std::vector<sqlite3_stmt*> statements_;
    std::vector<std::string> deferred_indexes_;   // their CREATE INDEX statements
    std::int64_t rows_ = 0, planned_rows_ = 0, rows_in_transaction_ = 0;
    std::chrono::steady_clock::time_point started_, last_progress_;
};

}  // namespace bhm::bench
