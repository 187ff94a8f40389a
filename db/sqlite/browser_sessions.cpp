// SQLite Store, signing in: browser sessions (what a session cookie stands for, until logout or
// expiry) and the wrong-password counts behind the login lockout.
#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

Id SqliteTransaction::insert_browser_session(const BrowserSession& s) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO browser_sessions (token_hash, user_id, csrf_token, token_version, "
                                    "created_at, expires_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(s.token_hash, s.user_id, s.csrf_token, s.token_version, s.created_at,
                                                s.expires_at, s.ended_at));
}

std::optional<BrowserSession> SqliteTransaction::browser_session(const std::string& token_hash) {
    return sql::query(session_,
                      "SELECT id, token_hash, user_id, csrf_token, token_version, created_at, expires_at, ended_at "
                      "FROM browser_sessions WHERE token_hash = ?",
                      sql::params(token_hash))
        .first<BrowserSession>([](const sql::Row& row) {
            return BrowserSession{row.integer("id"),           row.text("token_hash"),
                                  row.integer("user_id"),      row.text("csrf_token"),
                                  static_cast<int>(row.integer("token_version")),
                                  row.timestamp("created_at"), row.timestamp("expires_at"),
                                  row.optional_timestamp("ended_at")};
        });
}

void SqliteTransaction::end_browser_session(const std::string& token_hash, Timestamp at) {
    sql::execute(session_, "UPDATE browser_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                 sql::params(at, token_hash));
}

std::optional<LoginFailures> SqliteTransaction::login_failures(const std::string& username, const std::string& address) {
    return sql::query(session_,
                      "SELECT username, address, failures, last_failure_at FROM login_failures "
                      "WHERE username = ? AND address = ?",
                      sql::params(username, address))
        .first<LoginFailures>([](const sql::Row& row) {
            return LoginFailures{row.text("username"), row.text("address"), static_cast<int>(row.integer("failures")),
                                 row.timestamp("last_failure_at")};
        });
}

void SqliteTransaction::put_login_failures(const LoginFailures& f) {
    sql::execute(session_,
                 "INSERT OR REPLACE INTO login_failures (username, address, failures, last_failure_at) "
                 "VALUES (?, ?, ?, ?)",
                 sql::params(f.username, f.address, f.failures, f.last_failure_at));
}

void SqliteTransaction::clear_login_failures(const std::string& username, const std::string& address) {
    sql::execute(session_, "DELETE FROM login_failures WHERE username = ? AND address = ?",
                 sql::params(username, address));
}

}  // namespace bhm::db
