// A fixed set of worker threads behind one bounded queue. submit() never blocks: when the queue is
// full it says so, and the caller answers 503 at once instead of letting a request wait unseen.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace bhm::server {

class WorkerPool {
public:
    WorkerPool(int threads, std::size_t max_queued);
    ~WorkerPool();   // stop()
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    // false when max_queued jobs are already waiting (or the pool is stopping): the job is not taken.
    bool submit(std::function<void()> job);
    // Runs every job already taken, then joins the threads.
    void stop();
    std::size_t queued() const;

private:
    void work();

    const std::size_t max_queued_;
    mutable std::mutex mutex_;
    std::condition_variable ready_;
    std::deque<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::vector<std::thread> threads_;
};

}  // namespace bhm::server
