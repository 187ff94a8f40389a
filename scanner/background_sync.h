// The station's background sync thread: sends queued scans whenever there are some, at
// start, every `interval`, and at once when nudged (a scan was just queued). It stops
// on its own when the server refuses the station token, and tells the listen loop so.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "scanner/scan_courier.h"

namespace bhm::scan {

class BackgroundSync {
public:
    BackgroundSync(ScanCourier& courier, ScanQueue& queue, std::chrono::milliseconds interval,
                   QueuedAnswerListener listener, SyncProgress progress);
    ~BackgroundSync();  // stops and joins
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    void nudge();
    void stop();
    // Set once the server refused the token; the reason is in problem().
    bool unauthorized() const { return unauthorized_; }
    std::string problem() const;

private:
    void run();

    ScanCourier& courier_;
    ScanQueue& queue_;
    std::chrono::milliseconds interval_;
    QueuedAnswerListener listener_;
    SyncProgress progress_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    bool nudged_ = true;  // sync once at start
    std::atomic<bool> unauthorized_{false};
    std::string problem_;
    std::thread thread_;
};

}  // namespace bhm::scan
