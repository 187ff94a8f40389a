// See load_generator.h. Each connection thread owns one blocking socket and reads each answer by
// its Content-Length (both servers under test always send one); a connection that fails is opened
// again, and the request it was on counts as a failure.
#include "load_generator.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <mutex>
#include <stdexcept>
#include <thread>

namespace bhm::bench {
namespace {

using Clock = std::chrono::steady_clock;

class Connection {
public:
    explicit Connection(unsigned short port) : port_(port) {}
    ~Connection() { close_socket(); }

    // Sends `request` and reads one whole answer; returns its status, or 0 if the connection failed.
    // A kept-alive socket the server has closed meanwhile is opened again once.
    int exchange(const std::string& request, std::string& body) {
        const bool reused = fd_ >= 0;
        if (!reused && !open_socket()) return 0;
        if (send_all(request)) {
            if (const int status = read_answer(body); status != 0) return status;
        }
        close_socket();
        return reused ? exchange(request, body) : 0;
    }

private:
    bool open_socket() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd_ < 0) return false;
        int one = 1;
        ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        timeval timeout{30, 0};
        ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port_);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
            close_socket();
            return false;
        }
        buffer_.clear();
        return true;
    }

    void close_socket() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

    bool send_all(const std::string& data) {
        std::size_t sent = 0;
        while (sent < data.size()) {
            const ssize_t n = ::send(fd_, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return false;
            sent += static_cast<std::size_t>(n);
        }
        return true;
    }

    bool fill() {
        char chunk[65536];
        const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
        if (n <= 0) return false;
        buffer_.append(chunk, static_cast<std::size_t>(n));
        return true;
    }

    int read_answer(std::string& body) {
        std::size_t head_end;
        while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
            if (!fill()) return 0;
        }
        const std::string head = buffer_.substr(0, head_end);
        const int status = head.size() > 12 ? std::atoi(head.c_str() + 9) : 0;
        std::size_t length = 0;
        std::string lower(head);
        std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
        if (auto at = lower.find("\r\ncontent-length:"); at != std::string::npos) {
            length = std::strtoul(head.c_str() + at + 17, nullptr, 10);
        }
        const std::size_t total = head_end + 4 + length;
        while (buffer_.size() < total) {
            if (!fill()) return 0;
        }
        body.assign(buffer_, head_end + 4, length);
        buffer_.erase(0, total);
        if (lower.find("\r\nconnection: close") != std::string::npos) close_socket();
        return status == 0 ? -1 : status;
    }

    unsigned short port_;
    int fd_ = -1;
    std::string buffer_;
};

double ms_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double, std::milli>(to - from).count();
}

// What the connection threads share: the answers so far, merged under one mutex at the end.
struct Tally {
    std::mutex mutex;
    LoadResult result;

    void merge(std::vector<double>& latencies, std::size_t failures, int failure_status, const std::string& body) {
        std::lock_guard<std::mutex> lock(mutex);
        result.requests += latencies.size();
        result.failures += failures;
        result.latencies_ms.insert(result.latencies_ms.end(), latencies.begin(), latencies.end());
        if (failures > 0 && result.first_failure_status == 0) {
            result.first_failure_status = failure_status;
            result.first_failure_body = body.substr(0, 300);
        }
    }
};

std::vector<std::string> prepare(const RequestMaker& make, std::size_t count) {
    std::vector<std::string> requests;
    requests.reserve(count);
    for (std::size_t n = 0; n < count; ++n) requests.push_back(make(n));
    return requests;
}

LoadResult finish(Tally& tally, Clock::time_point started, Clock::time_point ended) {
    LoadResult result = std::move(tally.result);
    result.seconds = std::chrono::duration<double>(ended - started).count();
    std::sort(result.latencies_ms.begin(), result.latencies_ms.end());
    return result;
}

// Drives `connections` threads; each asks `next` for its next request (index and due time) until
// it says stop, and records latency from the due time.
template <class Next>
LoadResult drive(unsigned short port, std::size_t connections, const std::vector<std::string>& requests, Next next,
                 Clock::time_point started) {
    Tally tally;
    std::atomic<Clock::time_point::rep> last_answer{started.time_since_epoch().count()};
    std::vector<std::thread> threads;
    for (std::size_t c = 0; c < connections; ++c) {
        threads.emplace_back([&] {
            Connection connection(port);
            std::vector<double> latencies;
            std::size_t failures = 0;
            int failure_status = 0;
            std::string body, failure_body;
            std::size_t index;
            Clock::time_point due;
            while (next(index, due)) {
                if (Clock::now() < due) std::this_thread::sleep_until(due);
                const int status = connection.exchange(requests[index % requests.size()], body);
                const auto answered = Clock::now();
                if (status >= 200 && status < 300) {
                    latencies.push_back(ms_between(due, answered));
                } else {
                    if (failures++ == 0) {
                        failure_status = status;
                        failure_body = body;
                    }
                }
                auto seen = last_answer.load();
                while (seen < answered.time_since_epoch().count() &&
                       !last_answer.compare_exchange_weak(seen, answered.time_since_epoch().count())) {
                }
            }
            tally.merge(latencies, failures, failure_status, failure_body);
        });
    }
    for (auto& thread : threads) thread.join();
    return finish(tally, started, Clock::time_point(Clock::duration(last_answer.load())));
}

}  // namespace

double LoadResult::percentile_ms(double p) const {
    if (latencies_ms.empty()) return 0.0;
    const double rank = std::ceil(p / 100.0 * static_cast<double>(latencies_ms.size()));
    const std::size_t index = rank < 1 ? 0 : std::min(latencies_ms.size() - 1, static_cast<std::size_t>(rank) - 1);
    return latencies_ms[index];
}

LoadResult closed_loop(unsigned short port, std::size_t connections, std::chrono::milliseconds duration,
                       const RequestMaker& make) {
    // Enough prepared requests for a fast server; beyond them the bodies repeat (the caller's ids
    // must then tolerate a replay, which both servers under test answer 200).
    const auto requests = prepare(make, 200000);
    std::atomic<std::size_t> counter{0};
    const auto started = Clock::now();
    const auto stop_at = started + duration;
    return drive(port, connections, requests, [&](std::size_t& index, Clock::time_point& due) {
        due = Clock::now();
        if (due >= stop_at) return false;
        index = counter++;
        return true;
    }, started);
}

LoadResult open_loop(unsigned short port, std::size_t connections, double rate, std::chrono::milliseconds duration,
                     const RequestMaker& make) {
    const auto total = static_cast<std::size_t>(rate * static_cast<double>(duration.count()) / 1000.0);
    const auto requests = prepare(make, std::max<std::size_t>(total, 1));
    std::atomic<std::size_t> counter{0};
    const auto started = Clock::now() + std::chrono::milliseconds(50);
    const auto interval = std::chrono::duration<double>(1.0 / rate);
    return drive(port, connections, requests, [&](std::size_t& index, Clock::time_point& due) {
        index = counter++;
        if (index >= total) return false;
        due = started + std::chrono::duration_cast<Clock::duration>(interval * static_cast<double>(index));
        return true;
    }, started);
}

}  // namespace bhm::bench
