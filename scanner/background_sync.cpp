// The sync loop: wait for a nudge or the interval, then drain the queue if it has pending
// scans. A queue failure is reported as a problem and retried later, never thrown away.
#include "scanner/background_sync.h"

namespace bhm::scan {

BackgroundSync::BackgroundSync(ScanCourier& courier, ScanQueue& queue,
                               std::chrono::milliseconds interval, QueuedAnswerListener listener,
                               SyncProgress progress)
    : courier_(courier),
      queue_(queue),
      interval_(interval),
      listener_(std::move(listener)),
      progress_(std::move(progress)),
      thread_([this] { run(); }) {}

BackgroundSync::~BackgroundSync() { stop(); }

void BackgroundSync::nudge() {
    std::lock_guard lock(mutex_);
    nudged_ = true;
    wake_.notify_one();
}

void BackgroundSync::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        wake_.notify_one();
    }
    if (thread_.joinable()) thread_.join();
}

std::string BackgroundSync::problem() const {
    std::lock_guard lock(mutex_);
    return problem_;
}

void BackgroundSync::run() {
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait_for(lock, interval_, [this] { return stopping_ || nudged_; });
            if (stopping_) return;
            nudged_ = false;
        }
        try {
            if (queue_.pending_count() == 0) continue;
            SyncReport report = courier_.sync(listener_, progress_);
            std::lock_guard lock(mutex_);
            problem_ = report.problem;
            if (report.unauthorized) {
                unauthorized_ = true;
                return;
            }
        } catch (const std::exception& e) {
            std::lock_guard lock(mutex_);
            problem_ = e.what();
        }
    }
}

}  // namespace bhm::scan
