// How many connections, requests and seconds bhm-server grants its clients, and why. The reactor
// (http_server.h) holds every connection without a thread of its own; a worker is taken only by a
// whole request. So an idle or slow client costs a socket and a few KiB, never a worker, and the
// deadlines below bound how long it may cost even that. Each value is a flag and a BHM_* variable.
#pragma once

#include <chrono>
#include <cstddef>

namespace bhm::server {

struct ConnectionLimits {
    using ms = std::chrono::milliseconds;

    // Workers run whole requests. Writes that wait while a group commits share the next commit
    // (db/sqlite/group_commit.h), so a worker waiting there is what makes a group: with 8 a group
    // held at most 8 scans, and 32 lifted 32-connection single scans from 3,094/s to 3,944/s
    // (bhm_bench_ingest, 2026-12-02). 32 also leaves room for a slow report or a login's PBKDF2.
    int worker_threads = 32;
    // Whole requests waiting for a worker. Past this the server is overloaded and says so at once
    // (503, Retry-After): 512 scans at ~1 ms each is half a second of queue, a wait still worth it.
    std::size_t max_queued_requests = 512;
    // Open sockets in all. Each holds a file descriptor and its buffers; the soft descriptor limit
    // is raised to fit at start. 4096 is hundreds of browsers (six sockets each) and stations.
    std::size_t max_connections = 4096;
    // Open sockets from one client address: a browser opens six, a scan station one or two, and a
    // ward behind one NAT address some dozens. One misbehaving address cannot take the rest.
    std::size_t max_connections_per_address = 256;
    // Above this many open sockets the server counts as busy, and idle keep-alive sockets are
    // closed after busy_idle_timeout instead of idle_timeout.
    std::size_t busy_connections = 256;
    // A socket that sends no byte of its next request. 10 s outlives a browser's pause between
    // clicks; 2 s when busy is still longer than a scan station's gap inside a burst of scans.
    ms idle_timeout{10'000};
    ms busy_idle_timeout{2'000};
    // From the first byte of a request to the blank line that ends its head. A real client sends
    // the head in one packet; a head that trickles in (slowloris) is cut off with 408.
    ms header_timeout{10'000};
    // From the end of the head to the end of the body: 1 MiB at 35 KB/s, a poor Wi-Fi link.
    ms body_timeout{30'000};
    // A client that does not read its answer.
    ms send_timeout{10'000};
    std::size_t max_head_bytes = 16 * 1024;   // request line and fields; past it 431
    std::size_t max_body_bytes = 1 << 20;     // 1 MiB: a full scan batch fits many times over; past it 413
};

}  // namespace bhm::server
