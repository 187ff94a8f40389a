// Gets scans to the server without losing or doubling one. Every scan is written to the
// queue first (write-ahead); it leaves the queue only after the server answered. A fresh
// scan is sent at once unless older scans are still queued (order is kept), and queued
// scans go in batches of up to 100 by sync().
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>

#include "scanner/scan_queue.h"
#include "scanner/server_link.h"

namespace bhm::scan {

// An answer that came back for a scan sent from the queue.
using QueuedAnswerListener = std::function<void(const ScanEvent&, const ServerAnswer&)>;
// Progress of a sync: scans answered so far, out of the pending count at its start.
using SyncProgress = std::function<void(std::size_t answered, std::size_t total)>;

struct SyncReport {
    std::size_t accepted = 0;
    std::size_t refused = 0;     // refused, conflict or malformed: kept for review
    std::size_t left = 0;        // still pending afterwards
    bool unauthorized = false;   // the token was refused: stop the station
    std::string problem;         // why scans are left, if any
};

class ScanCourier {
public:
    ScanCourier(ScanQueue& queue, ServerLink& link);

    // Write-ahead, then send now unless older scans wait or a sync is sending queued
    // scans, in which case the answer is `unanswered` (the scan is queued). Never waits
    // for a sync; a sync never takes the fresh scan away from it.
    ServerAnswer deliver(const ScanEvent& scan);

    // Sends every pending scan, in order, in batches; stops at the first batch that gets
    // no answer. Answers go to `listener`; refusals are kept for review. Waits for a
    // fresh scan in flight; with nothing pending it returns without taking the line.
    SyncReport sync(const QueuedAnswerListener& listener, const SyncProgress& progress = {});

private:
    // Applies one answer to the queue.
    void record(const ScanEvent& scan, const ServerAnswer& answer, bool from_queue);
    // Sends the scans one by one (the server would not take them as a batch). Returns
    // false when it had to stop.
    bool send_singly(const std::vector<QueuedScan>& scans, const QueuedAnswerListener& listener,
                     SyncReport& report, std::size_t& answered, std::size_t total,
                     const SyncProgress& progress);

    ScanQueue& queue_;
    ServerLink& link_;
    // Who holds the line: at most one of them, so a scan is never in flight twice from
    // here. The write-ahead append and the decision to send are made under line_, so a
    // sync cannot pick up a fresh scan that deliver() is about to send itself.
    std::mutex line_;
    std::condition_variable line_free_;
    bool delivering_ = false;  // deliver() is sending a fresh scan
    bool draining_ = false;    // sync() is sending queued scans
};

}  // namespace bhm::scan
