// SQLite Store, browser sessions: what a session cookie stands for, until logout or expiry.
#include "db/sql_row.h"
#include "db/sqlite/sqlite_transaction.h"

namespace bhm::db {

Id SqliteTransaction::insert_browser_session(const BrowserSession& s) {
    return sql::insert_returning_id(session_,
                                    "INSERT INTO browser_sessions (token_hash, user_id, csrf_token, created_at, "
                                    "expires_at, ended_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                                    sql::params(s.token_hash, s.user_id, s.csrf_token, s.created_at, s.expires_at,
                                                s.ended_at));
}

std::optional<BrowserSession> SqliteTransaction::browser_session(const std::string& token_hash) {
    return sql::query(session_,
                      "SELECT id, token_hash, user_id, csrf_token, created_at, expires_at, ended_at "
                      "FROM browser_sessions WHERE token_hash = ?",
                      sql::params(token_hash))
        .first<BrowserSession>([](const sql::Row& row) {
            return BrowserSession{row.integer("id"),           row.text("token_hash"),
                                  row.integer("user_id"),      row.text("csrf_token"),
                                  row.timestamp("created_at"), row.timestamp("expires_at"),
                                  row.optional_timestamp("ended_at")};
        });
}

void SqliteTransaction::end_browser_session(const std::string& token_hash, Timestamp at) {
    sql::execute(session_, "UPDATE browser_sessions SET ended_at = ? WHERE token_hash = ? AND ended_at IS NULL",
                 sql::params(at, token_hash));
}

}  // namespace bhm::db
