// One SQLite connection as the store uses it: the Poco session that opened it, and the statements
// already prepared on it, kept for reuse. Parsing and planning a statement costs more than running
// most of the store's queries, and a scan runs about ten of them; with the cache each is prepared
// once per connection. The cached statements are finalized before the session closes.
#pragma once

#include <memory>
#include <string>
#include <unordered_map>

#include <Poco/Data/Session.h>

struct sqlite3;
struct sqlite3_stmt;

namespace bhm::db::sql {

class Connection {
public:
    explicit Connection(Poco::Data::Session session);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    Poco::Data::Session& session() { return session_; }
    sqlite3* handle() const { return handle_; }

    // The prepared statement for `sql`, reset and with no bindings; nullptr when `sql` holds more
    // than one statement (those are run uncached). Throws like a failed query when `sql` is invalid.
    sqlite3_stmt* statement(const std::string& sql);

private:
    Poco::Data::Session session_;
    sqlite3* handle_ = nullptr;
    std::unordered_map<std::string, sqlite3_stmt*> cache_;
};

}  // namespace bhm::db::sql
