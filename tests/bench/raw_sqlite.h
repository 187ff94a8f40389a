// The durable-write baseline: the sqlite3 C API with nothing on top, in WAL mode with
// synchronous=FULL like the Store, one transaction (BEGIN ... COMMIT, an fsync each) per write.
// What the Store adds over this is what bhm_bench_store reports as a ratio.
#pragma once

#include <sqlite3.h>

#include <string>

namespace bhm::bench {

class RawSqlite {
public:
    explicit RawSqlite(const std::string& path);   // std::runtime_error with SQLite's message on failure
    ~RawSqlite();
    RawSqlite(const RawSqlite&) = delete;
    RawSqlite& operator=(const RawSqlite&) = delete;

    // One row into a scratch table, in its own transaction.
    void insert_row(long long n);
    // `count` rows into the scratch table in one transaction (one fsync for all of them).
    void insert_rows(long long first, int count);
    // An event row and a scan-answer row shaped like the Store's (events, scans), in one transaction.
    void insert_event_and_answer(const std::string& scan_id, const std::string& body_json);

private:
    void exec(const char* sql);
    sqlite3_stmt* prepare(const char* sql);
    void step_once(sqlite3_stmt* statement);
    void check(int rc, const char* what);

    sqlite3* db_ = nullptr;
    sqlite3_stmt* insert_row_ = nullptr;
    sqlite3_stmt* insert_event_ = nullptr;
    sqlite3_stmt* insert_answer_ = nullptr;
};

}  // namespace bhm::bench
