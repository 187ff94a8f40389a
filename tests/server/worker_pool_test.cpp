// The worker pool takes no more than its queue holds, so an overloaded server can say 503 at once,
// and on stop it still runs every job it took (an accepted scan is finished, not dropped).
#include <catch2/catch.hpp>

#include <atomic>
#include <condition_variable>
#include <mutex>

#include "server/http/worker_pool.h"

using namespace bhm::server;

TEST_CASE("a full worker queue refuses the next job instead of blocking") {
    WorkerPool pool(1, 2);
    std::mutex m;
    std::condition_variable cv;
    bool release = false, started = false;
    REQUIRE(pool.submit([&] {
        std::unique_lock lock(m);
        started = true;
        cv.notify_all();
        cv.wait(lock, [&] { return release; });
    }));
    {
        std::unique_lock lock(m);
        cv.wait(lock, [&] { return started; });   // the one worker is busy
    }
    CHECK(pool.submit([] {}));
    CHECK(pool.submit([] {}));
    CHECK(pool.queued() == 2);
    CHECK_FALSE(pool.submit([] {}));   // the queue holds two
    {
        std::lock_guard lock(m);
        release = true;
    }
    cv.notify_all();
    pool.stop();
    CHECK(pool.queued() == 0);
}

TEST_CASE("stopping the pool runs every job it took") {
    std::atomic<int> ran{0};
    {
        WorkerPool pool(2, 100);
        for (int i = 0; i < 50; ++i) REQUIRE(pool.submit([&] { ++ran; }));
        pool.stop();
        CHECK_FALSE(pool.submit([&] { ++ran; }));
    }
    CHECK(ran == 50);
}
