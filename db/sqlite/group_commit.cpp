// See group_commit.h. The one rule that makes it correct: a caller returns only after its own Pending
// is done, and a Pending is done only after the group that held it has committed or failed.
#include "db/sqlite/group_commit.h"

#include <vector>

namespace bhm::db {

GroupCommit::GroupCommit(RunGroup run_group, std::size_t max_group)
    : run_group_(std::move(run_group)), max_group_(max_group == 0 ? 1 : max_group) {}

void GroupCommit::submit(const Work& work) {
    Pending mine;
    mine.work = &work;
    std::vector<Pending*> queued{&mine};
    wait_for(queued);
    if (mine.error) std::rethrow_exception(mine.error);
}

std::vector<std::exception_ptr> GroupCommit::submit_all(const std::vector<Work>& works) {
    std::vector<Pending> pendings(works.size());
    std::vector<Pending*> queued;
    for (std::size_t i = 0; i < works.size(); ++i) {
        pendings[i].work = &works[i];
        queued.push_back(&pendings[i]);
    }
    if (!queued.empty()) wait_for(queued);
    std::vector<std::exception_ptr> errors;
    for (const Pending& pending : pendings) errors.push_back(pending.error);
    return errors;
}

void run_after_commit(const std::vector<std::function<void()>>& thens) {
    for (const auto& then : thens) {
        try {
            then();
        } catch (...) {   // a log line that cannot be written cannot undo a commit: not the caller's error
        }
    }
}

void GroupCommit::wait_for(const std::vector<Pending*>& mine) {
    const auto all_done = [&] {
        for (const Pending* pending : mine) {
            if (!pending->done) return false;
        }
        return true;
    };
    std::unique_lock<std::mutex> lock(mutex_);
    waiting_.insert(waiting_.end(), mine.begin(), mine.end());
    while (!all_done()) {
        if (leading_) {
            finished_.wait(lock);
            continue;
        }
        // Lead one group: everything waiting now (this caller's writes among it unless an earlier
        // leader already took them), in arrival order.
        leading_ = true;
        std::vector<Pending*> group;
        while (!waiting_.empty() && group.size() < max_group_) {
            group.push_back(waiting_.front());
            waiting_.pop_front();
        }
        lock.unlock();
        try {
            run_group_(group);
        } catch (...) {   // a runner must not throw; if it did, none of its group may hang
            for (Pending* pending : group) {
                if (!pending->error) pending->error = std::current_exception();
            }
        }
        lock.lock();
        for (Pending* pending : group) pending->done = true;
        leading_ = false;
        finished_.notify_all();
    }
    lock.unlock();
    for (const Pending* pending : mine) {
        if (!pending->error) run_after_commit(pending->after_commit);
    }
}

std::size_t GroupCommit::waiting() {
    std::lock_guard<std::mutex> lock(mutex_);
    return waiting_.size();
}

}  // namespace bhm::db
