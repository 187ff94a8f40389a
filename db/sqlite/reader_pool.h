// Read-only connections beside the store's one writing connection, so that a manager's list does
// not queue behind scans: in WAL mode each reader sees the last commit from when its transaction
// began, while the writer goes on. Connections open on first need, up to a fixed number; a reader
// beyond that waits for one to be given back.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "db/sql_connection.h"

namespace bhm::db {

class ReaderPool {
public:
    ReaderPool(std::string path, std::size_t size, int busy_timeout_ms);

    // A connection lent to one reader until the Lease ends.
    class Lease {
    public:
        Lease(ReaderPool& pool, std::unique_ptr<sql::Connection> session)
            : pool_(pool), session_(std::move(session)) {}
        ~Lease() { pool_.give_back(std::move(session_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        sql::Connection& session() { return *session_; }

    private:
        ReaderPool& pool_;
        std::unique_ptr<sql::Connection> session_;
    };

    Lease borrow();

private:
    std::unique_ptr<sql::Connection> open();
    void give_back(std::unique_ptr<sql::Connection> session);

    std::string path_;
    std::size_t size_;
    int busy_timeout_ms_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<std::unique_ptr<sql::Connection>> idle_;
    std::size_t opened_ = 0;
};

}  // namespace bhm::db
