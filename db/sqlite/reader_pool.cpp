// See reader_pool.h. Each reader connection is query_only for its whole life, so no code path can
// write through it; a connection whose last use failed is closed rather than lent again.
#include "db/sqlite/reader_pool.h"

#include <stdexcept>

#include "db/sql_row.h"

namespace bhm::db {

ReaderPool::ReaderPool(std::string path, std::size_t size, int busy_timeout_ms)
    : path_(std::move(path)), size_(size == 0 ? 1 : size), busy_timeout_ms_(busy_timeout_ms) {}

std::unique_ptr<sql::Connection> ReaderPool::open() {
    try {
        auto session = std::make_unique<sql::Connection>(Poco::Data::Session("SQLite", path_));
        sql::query(*session, "PRAGMA busy_timeout = " + std::to_string(busy_timeout_ms_));
        sql::execute(*session, "PRAGMA query_only = ON");
        return session;
    } catch (const Poco::Exception& error) {
        throw std::runtime_error("cannot open a reader on the SQLite store at " + path_ + ": " + error.displayText());
    }
}

ReaderPool::Lease ReaderPool::borrow() {
    std::unique_lock<std::mutex> lock(mutex_);
    returned_.wait(lock, [&] { return !idle_.empty() || opened_ < size_; });
    if (!idle_.empty()) {
        auto session = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(session));
    }
    ++opened_;
    lock.unlock();
    try {
        return Lease(*this, open());
    } catch (...) {
        lock.lock();
        --opened_;
        returned_.notify_one();
        throw;
    }
}

void ReaderPool::give_back(std::unique_ptr<sql::Connection> session) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (session && !sql::in_transaction(*session)) {
        idle_.push_back(std::move(session));
    } else {
        --opened_;   // left inside a transaction it could not end: closed, and another opens when needed
    }
    returned_.notify_one();
}

}  // namespace bhm::db
