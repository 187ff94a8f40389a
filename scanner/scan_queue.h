// The station's offline queue: a SQLite file (WAL, synchronous=FULL) that every scan is
// written to BEFORE it is sent. A scan leaves the queue only when the server has answered
// it; refusals stay, marked, until a person acknowledges them (`bhm-scan review --clear`).
// Invariants: pending scans come out in scan order; an id is stored at most once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "scanner/scan_event.h"
#include "scanner/server_answer.h"

struct sqlite3;

namespace bhm::scan {

struct QueuedScan {
    std::int64_t seq = 0;  // position in scan order
    ScanEvent scan;
    int attempts = 0;      // sends that got no answer
};

struct ReviewItem {
    std::int64_t seq = 0;
    ScanEvent scan;
    ServerAnswer answer;   // the refusal as the server gave it
    std::string answered_at;
};

// Any failure of the queue file: the station must not go on pretending scans are safe.
struct QueueError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class ScanQueue {
public:
    // Opens or creates the file (and its folder). Throws QueueError.
    explicit ScanQueue(const std::string& path);
    ~ScanQueue();
    ScanQueue(const ScanQueue&) = delete;
    ScanQueue& operator=(const ScanQueue&) = delete;

    // Write-ahead: durable on return. Storing an id again changes nothing.
    void append(const ScanEvent& scan);

    // Pending scans in scan order, at most `limit`.
    std::vector<QueuedScan> pending(std::size_t limit) const;
    std::size_t pending_count() const;
    // Pending scans that were scanned before the one with this id.
    std::size_t pending_before(const std::string& id) const;

    // The server answered: the scan leaves the queue.
    void remove(const std::string& id);
    // The server refused: keep the scan, with the refusal, for review.
    void keep_for_review(const std::string& id, const ServerAnswer& refusal);
    // A send got no answer: count it, the scan stays pending.
    void note_unanswered(const std::string& id);

    std::vector<ReviewItem> refusals() const;
    // A person has seen the refusals: drop them. Returns how many.
    std::size_t acknowledge_refusals();

private:
    sqlite3* db_ = nullptr;
    mutable std::mutex mutex_;
};

}  // namespace bhm::scan
