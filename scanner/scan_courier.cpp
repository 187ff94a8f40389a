// Write-ahead delivery and queue draining. What an answer does to the queue:
// accepted → removed; refused/conflict → removed when the station showed it at once, kept
// for review when it came back for a queued scan; malformed → always kept for review;
// unauthorized / unanswered → stays pending and is sent again with the same id.
#include "scanner/scan_courier.h"

namespace bhm::scan {

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
    queue_.append(scan);
    std::unique_lock lock(sending_, std::try_to_lock);
    ServerAnswer waiting;
    waiting.kind = ServerAnswer::Kind::unanswered;
    if (!lock.owns_lock()) {
        waiting.problem = "queued scans are being sent";
        return waiting;
    }
    if (std::size_t older = queue_.pending_before(scan.id); older > 0) {
        waiting.problem = std::to_string(older) + " older scan(s) wait in the queue";
        return waiting;
    }
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
    std::lock_guard lock(sending_);
    SyncReport report;
    const std::size_t total = queue_.pending_count();
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
