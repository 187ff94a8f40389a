// Write-ahead delivery and queue draining. What an answer does to the queue:
// accepted → removed; refused/conflict → removed when the station showed it at once, kept
// for review when it came back for a queued scan; malformed → always kept for review;
// unauthorized / unanswered → stays pending and is sent again with the same id.
#include "scanner/scan_courier.h"

namespace bhm::scan {

namespace {

// Gives the line back (flag off, waiters woken) however the send ends, exceptions included.
class LineTurn {
public:
    LineTurn(std::mutex& mutex, std::condition_variable& free, bool& held)
        : mutex_(mutex), free_(free), held_(held) {}
    ~LineTurn() {
        {
            std::lock_guard lock(mutex_);
            held_ = false;
        }
        free_.notify_all();
    }
    LineTurn(const LineTurn&) = delete;
    LineTurn& operator=(const LineTurn&) = delete;

private:
    std::mutex& mutex_;
    std::condition_variable& free_;
    bool& held_;
};

}  // namespace

ScanCourier::ScanCourier(ScanQueue& queue, ServerLink& link) : queue_(queue), link_(link) {}

void ScanCourier::record(const ScanEvent& scan, const ServerAnswer& answer, bool from_queue) {
    using Kind = ServerAnswer::Kind;
    switch (answer.kind) {
        case Kind::accepted:
            queue_.remove(scan.id);
            break;
        case Kind::refused:
            if (from_queue)
                queue_.keep_for_review(scan.id, answer);
            else
                queue_.remove(scan.id);
            break;
        case Kind::malformed:
            queue_.keep_for_review(scan.id, answer);
            break;
        case Kind::unanswered:
            queue_.note_unanswered(scan.id);
            break;
        case Kind::unauthorized:
            break;
    }
}

ServerAnswer ScanCourier::deliver(const ScanEvent& scan) {
    ServerAnswer waiting;
    waiting.kind = ServerAnswer::Kind::unanswered;
    {
        std::lock_guard lock(line_);
        queue_.append(scan);
        if (draining_) {
            waiting.problem = "queued scans are being sent";
            return waiting;
        }
        // Also covers another fresh scan still in flight: it is older and still pending.
        if (std::size_t older = queue_.pending_before(scan.id); older > 0) {
            waiting.problem = std::to_string(older) + " older scan(s) wait in the queue";
            return waiting;
        }
        delivering_ = true;
    }
    LineTurn turn(line_, line_free_, delivering_);
    ServerAnswer answer = link_.send(scan);
    record(scan, answer, false);
    return answer;
}

bool ScanCourier::send_singly(const std::vector<QueuedScan>& scans,
                              const QueuedAnswerListener& listener, SyncReport& report,
                              std::size_t& answered, std::size_t total,
                              const SyncProgress& progress) {
    for (const auto& queued : scans) {
        ServerAnswer answer = link_.send(queued.scan);
        record(queued.scan, answer, true);
        if (answer.kind == ServerAnswer::Kind::unauthorized) {
            report.unauthorized = true;
            report.problem = answer.problem;
            return false;
        }
        if (answer.kind == ServerAnswer::Kind::unanswered) {
            report.problem = answer.problem;
            return false;
        }
        (answer.kind == ServerAnswer::Kind::accepted ? report.accepted : report.refused)++;
        if (listener) listener(queued.scan, answer);
        if (progress) progress(++answered, total);
    }
    return true;
}

SyncReport ScanCourier::sync(const QueuedAnswerListener& listener, const SyncProgress& progress) {
    SyncReport report;
    std::size_t total = 0;
    {
        std::unique_lock lock(line_);
        line_free_.wait(lock, [this] { return !delivering_ && !draining_; });
        total = queue_.pending_count();
        if (total == 0) return report;  // nothing to send: the line stays free for fresh scans
        draining_ = true;
    }
    LineTurn turn(line_, line_free_, draining_);
    std::size_t answered = 0;
    for (;;) {
        std::vector<QueuedScan> batch = queue_.pending(max_batch_size);
        if (batch.empty()) break;
        std::vector<ScanEvent> scans;
        for (const auto& q : batch) scans.push_back(q.scan);

        BatchAnswer reply = link_.send_batch(scans);
        if (reply.kind == BatchAnswer::Kind::unauthorized) {
            report.unauthorized = true;
            report.problem = reply.problem;
            break;
        }
        if (reply.kind == BatchAnswer::Kind::unanswered) {
            for (const auto& scan : scans) queue_.note_unanswered(scan.id);
            report.problem = reply.problem;
            break;
        }
        if (reply.kind == BatchAnswer::Kind::rejected) {
            if (!send_singly(batch, listener, report, answered, total, progress)) break;
            continue;
        }
        bool all_answered = true;
        for (std::size_t i = 0; i < scans.size(); ++i) {
            const ServerAnswer& answer = reply.results[i];
            record(scans[i], answer, true);
            if (answer.kind == ServerAnswer::Kind::unanswered) {
                all_answered = false;
                report.problem = answer.problem;
                continue;
            }
            (answer.kind == ServerAnswer::Kind::accepted ? report.accepted : report.refused)++;
            if (listener) listener(scans[i], answer);
            if (progress) progress(++answered, total);
        }
        // A scan the server did not settle stays pending; do not spin on it now.
        if (!all_answered) break;
    }
    report.left = queue_.pending_count();
    return report;
}

}  // namespace bhm::scan
