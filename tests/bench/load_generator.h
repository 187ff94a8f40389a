// A small HTTP/1.1 load generator for the ingest benchmark, like wrk (closed loop) and wrk2 (open
// loop, latency counted from when a request was due, not from when it could be sent, so a stalled
// server cannot hide its queue). Requests are prepared in full before the clock starts; each
// connection is a keep-alive socket to 127.0.0.1 driven by its own thread.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace bhm::bench {

// The request bytes for request number `n` (method line, headers, body): must be thread-safe.
using RequestMaker = std::function<std::string(std::size_t n)>;

struct LoadResult {
    std::size_t requests = 0;          // answered
    std::size_t failures = 0;          // answered with a status other than 2xx, or not at all
    double seconds = 0;                // from the first request due to the last answer
    std::vector<double> latencies_ms;  // one per answered request, sorted ascending
    int first_failure_status = 0;
    std::string first_failure_body;

    double per_second() const { return seconds > 0 ? requests / seconds : 0.0; }
    double percentile_ms(double p) const;   // p in [0, 100]; 0 when nothing was answered
    double max_ms() const { return latencies_ms.empty() ? 0.0 : latencies_ms.back(); }
};

// Closed loop: `connections` sockets, each sending its next request as soon as the answer to the
// last one is read, for `duration`. Requests are numbered 0, 1, 2, ... across all connections.
LoadResult closed_loop(unsigned short port, std::size_t connections, std::chrono::milliseconds duration,
                       const RequestMaker& make);

// Open loop: requests due at a fixed `rate` per second for `duration`, spread over `connections`
// sockets; each request's latency runs from the moment it was due.
LoadResult open_loop(unsigned short port, std::size_t connections, double rate, std::chrono::milliseconds duration,
                     const RequestMaker& make);

}  // namespace bhm::bench
