// Group commit, leader/follower style: writes that arrive while a commit is under way wait, and the
// next caller to find no commit running becomes the leader and runs all that are waiting as one group
// (one transaction, one fsync). Each caller is answered only when the group holding its write has
// committed, or with its own error. No thread of its own and no timer: at low load a group holds one
// write and costs what a lone transaction costs; under load the groups grow by themselves.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <span>
#include <vector>

namespace bhm::db {

class Transaction;

// Runs each of `thens` (a committed write's after_commit list) in order; one that throws is skipped.
void run_after_commit(const std::vector<std::function<void()>>& thens);

class GroupCommit {
public:
    using Work = std::function<void(Transaction&)>;

    // One write waiting for, or inside, a group. The group runner sets `error` when this write
    // failed (its own exception, or the group's commit failure); nothing set means committed.
    struct Pending {
        const Work* work = nullptr;
        std::exception_ptr error;
        bool done = false;
        // What the work asked to run once committed (Transaction::after_commit). The group runner
        // fills it and clears it for a write that failed; the caller runs it on its own thread.
        std::vector<std::function<void()>> after_commit;
    };

    // Runs one group in the order given and sets each Pending's error; it must not throw.
    using RunGroup = std::function<void(std::span<Pending* const>)>;

    GroupCommit(RunGroup run_group, std::size_t max_group);

    // Blocks until `work` has run in a committed group (returns) or failed (rethrows its error).
    // After a commit it first runs what the work left in its after_commit list, outside any lock.
    // Safe from any thread. The work may run on another caller's thread: it must not rely on
    // thread-local state.
    void submit(const Work& work);

    // Queues all of `works` at once, in order, so they land in one group (or consecutive ones when
    // there are more than a group holds), and waits for all of them. Returns each one's error,
    // nullptr for those that committed.
    std::vector<std::exception_ptr> submit_all(const std::vector<Work>& works);

    // Writes queued behind the group now running (for tests and monitoring).
    std::size_t waiting();

private:
    void wait_for(const std::vector<Pending*>& mine);

    RunGroup run_group_;
    std::size_t max_group_;
    std::mutex mutex_;
    std::condition_variable finished_;
    std::deque<Pending*> waiting_;
    bool leading_ = false;
};

}  // namespace bhm::db
