// SQLite implementation of the offline queue, on the sqlite3 C API. One connection, guarded
// by a mutex (the listen loop and the background sync thread share it); busy_timeout lets a
// `bhm-scan sync` run beside a running station.
#include "scanner/scan_queue.h"

#include <filesystem>

#include <Poco/DateTimeFormatter.h>
#include <Poco/Timestamp.h>
#include <sqlite3.h>

namespace bhm::scan {

namespace {

constexpr const char* schema = R"sql(
CREATE TABLE IF NOT EXISTS queued_scan (
  seq         INTEGER PRIMARY KEY AUTOINCREMENT,
  id          TEXT NOT NULL UNIQUE,
  station     TEXT NOT NULL,
  mode        TEXT NOT NULL,
  code        TEXT NOT NULL,
  case_number TEXT NOT NULL DEFAULT '',
  scanned_at  TEXT NOT NULL,
  state       TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'refused')),
  attempts    INTEGER NOT NULL DEFAULT 0,
  status      INTEGER NOT NULL DEFAULT 0,
  result      TEXT NOT NULL DEFAULT '',
  title       TEXT NOT NULL DEFAULT '',
  detail      TEXT NOT NULL DEFAULT '',
  rule        TEXT NOT NULL DEFAULT '',
  refusal_code TEXT NOT NULL DEFAULT '',
  answered_at TEXT NOT NULL DEFAULT '',
  quantity    INTEGER
);
CREATE INDEX IF NOT EXISTS queued_scan_state ON queued_scan(state, seq);
)sql";

// A prepared statement that finalizes itself.
class Statement {
public:
    Statement(sqlite3* db, const char* sql) : db_(db) {
        if (sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr) != SQLITE_OK)
            throw QueueError(std::string("scan queue: ") + sqlite3_errmsg(db));
    }
    ~Statement() { sqlite3_finalize(stmt_); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, const std::string& text) {
        sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement& bind(int index, std::int64_t n) {
        sqlite3_bind_int64(stmt_, index, n);
        return *this;
    }
    // True while there is a row.
    bool step() {
        int rc = sqlite3_step(stmt_);
        if (rc == SQLITE_ROW) return true;
        if (rc == SQLITE_DONE) return false;
        throw QueueError(std::string("scan queue: ") + sqlite3_errmsg(db_));
    }
    std::string text(int col) const {
        auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, col));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col))) : "";
    }
    std::int64_t integer(int col) const { return sqlite3_column_int64(stmt_, col); }
    std::optional<int> optional_number(int col) const {
        if (sqlite3_column_type(stmt_, col) == SQLITE_NULL) return std::nullopt;
        return static_cast<int>(sqlite3_column_int64(stmt_, col));
    }

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_ = nullptr;
};

void exec(sqlite3* db, const char* sql) {
    char* error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw QueueError("scan queue: " + message);
    }
}

ScanEvent scan_from(const Statement& row, int first) {
    return ScanEvent{row.text(first), row.text(first + 1), row.text(first + 2),
                     row.text(first + 3), row.text(first + 4), row.text(first + 5)};
}

constexpr const char* scan_columns = "seq, id, station, mode, code, case_number, scanned_at";

}  // namespace

ScanQueue::ScanQueue(const std::string& path) {
    std::error_code ec;
    auto folder = std::filesystem::path(path).parent_path();
    if (!folder.empty()) std::filesystem::create_directories(folder, ec);
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
        std::string message = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw QueueError("cannot open the scan queue '" + path + "': " + message);
    }
    try {
        sqlite3_busy_timeout(db_, 10000);
        exec(db_, "PRAGMA journal_mode=WAL");
        exec(db_, "PRAGMA synchronous=FULL");
        exec(db_, schema);
        // A queue file made before consumable quantities: add the column (NULL: no quantity).
        Statement has(db_, "SELECT COUNT(*) FROM pragma_table_info('queued_scan') WHERE name = 'quantity'");
        if (has.step() && has.integer(0) == 0) exec(db_, "ALTER TABLE queued_scan ADD COLUMN quantity INTEGER");
    } catch (const QueueError& e) {
        sqlite3_close(db_);
        throw QueueError("cannot use the scan queue '" + path + "': " + e.what());
    }
}

ScanQueue::~ScanQueue() { sqlite3_close(db_); }

void ScanQueue::append(const ScanEvent& scan) {
    std::lock_guard lock(mutex_);
    Statement insert(db_,
                     "INSERT OR IGNORE INTO queued_scan (id, station, mode, code, case_number, "
                     "scanned_at, quantity) VALUES (?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, scan.id).bind(2, scan.station).bind(3, scan.mode).bind(4, scan.code);
    insert.bind(5, scan.case_number).bind(6, scan.scanned_at);
    if (scan.quantity) insert.bind(7, static_cast<std::int64_t>(*scan.quantity));
    insert.step();
}

std::vector<QueuedScan> ScanQueue::pending(std::size_t limit) const {
    std::lock_guard lock(mutex_);
    Statement select(db_, (std::string("SELECT ") + scan_columns +
                           ", attempts, quantity FROM queued_scan WHERE state = 'pending' ORDER BY seq LIMIT ?")
                              .c_str());
    select.bind(1, static_cast<std::int64_t>(limit));
    std::vector<QueuedScan> out;
    while (select.step()) {
        out.push_back(QueuedScan{select.integer(0), scan_from(select, 1),
                                 static_cast<int>(select.integer(7))});
        out.back().scan.quantity = select.optional_number(8);
    }
    return out;
}

std::size_t ScanQueue::pending_count() const {
    std::lock_guard lock(mutex_);
    Statement count(db_, "SELECT count(*) FROM queued_scan WHERE state = 'pending'");
    count.step();
    return static_cast<std::size_t>(count.integer(0));
}

std::size_t ScanQueue::pending_before(const std::string& id) const {
    std::lock_guard lock(mutex_);
    Statement count(db_,
                    "SELECT count(*) FROM queued_scan WHERE state = 'pending' AND seq < "
                    "(SELECT seq FROM queued_scan WHERE id = ?)");
    count.bind(1, id).step();
    return static_cast<std::size_t>(count.integer(0));
}

void ScanQueue::remove(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement del(db_, "DELETE FROM queued_scan WHERE id = ?");
    del.bind(1, id).step();
}

void ScanQueue::keep_for_review(const std::string& id, const ServerAnswer& refusal) {
    std::lock_guard lock(mutex_);
    Statement update(db_,
                     "UPDATE queued_scan SET state = 'refused', status = ?, result = ?, title = ?, "
                     "detail = ?, rule = ?, refusal_code = ?, answered_at = ? WHERE id = ?");
    update.bind(1, static_cast<std::int64_t>(refusal.status)).bind(2, refusal.result);
    update.bind(3, refusal.title).bind(4, refusal.detail).bind(5, refusal.rule);
    update.bind(6, refusal.code);
    update.bind(7, Poco::DateTimeFormatter::format(Poco::Timestamp(), "%Y-%m-%dT%H:%M:%SZ"));
    update.bind(8, id).step();
}

void ScanQueue::note_unanswered(const std::string& id) {
    std::lock_guard lock(mutex_);
    Statement update(db_, "UPDATE queued_scan SET attempts = attempts + 1 WHERE id = ?");
    update.bind(1, id).step();
}

std::vector<ReviewItem> ScanQueue::refusals() const {
    std::lock_guard lock(mutex_);
    Statement select(db_, (std::string("SELECT ") + scan_columns +
                           ", status, result, title, detail, rule, refusal_code, answered_at, quantity "
                           "FROM queued_scan WHERE state = 'refused' ORDER BY seq")
                              .c_str());
    std::vector<ReviewItem> out;
    while (select.step()) {
        ReviewItem item;
        item.seq = select.integer(0);
        item.scan = scan_from(select, 1);
        item.answer.kind = ServerAnswer::Kind::refused;
        item.answer.status = static_cast<int>(select.integer(7));
        item.answer.result = select.text(8);
        if (item.answer.status == 400 || item.answer.status == 413)
            item.answer.kind = ServerAnswer::Kind::malformed;
        item.answer.title = select.text(9);
        item.answer.detail = select.text(10);
        item.answer.rule = select.text(11);
        item.answer.code = select.text(12);
        item.answered_at = select.text(13);
        item.scan.quantity = select.optional_number(14);
        out.push_back(std::move(item));
    }
    return out;
}

std::size_t ScanQueue::acknowledge_refusals() {
    std::lock_guard lock(mutex_);
    Statement del(db_, "DELETE FROM queued_scan WHERE state = 'refused'");
    del.step();
    return static_cast<std::size_t>(sqlite3_changes(db_));
}

}  // namespace bhm::scan
