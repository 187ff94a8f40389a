// The reactor: epoll over the listening socket, an eventfd that workers ring when an answer is
// ready, and every client socket, each with its phase and one deadline. Level-triggered; a socket
// is polled for reading only while its request is being read, so a request in a worker's hands
// leaves the next pipelined one unread in the kernel.
#include "server/http/http_server.h"

#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/ssl.h>

#include <Poco/Logger.h>

#include <atomic>
#include <cerrno>
#include <map>
#include <mutex>
#include <system_error>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/http/listening_socket.h"
#include "server/http/request_reader.h"
#include "server/http/socket_io.h"
#include "server/http/tls_context.h"
#include "server/http/wire_response.h"
#include "server/http/worker_pool.h"

namespace bhm::server {
namespace {

using Clock = std::chrono::steady_clock;

constexpr std::uint64_t listener_key = 0;
constexpr std::uint64_t wakeup_key = 1;
constexpr auto linger_time = std::chrono::milliseconds(1000);   // reading what a refused client still sends
constexpr std::size_t read_chunk = 64 * 1024;

[[noreturn]] void throw_errno(const char* what) { throw std::system_error(errno, std::generic_category(), what); }

Response overloaded(const std::string& why) {
    Response r = problem_response(503, "server_busy", why + " Try again in a moment.");
    r.headers["Retry-After"] = "1";
    return r;
}

}  // namespace

class HttpServer::Reactor {
public:
    Reactor(HttpHandler& handler, ConnectionLimits limits, SSL_CTX* tls)
        : handler_(handler), limits_(limits), tls_(tls), workers_(limits.worker_threads, limits.max_queued_requests) {
        epoll_ = epoll_create1(EPOLL_CLOEXEC);
        if (epoll_ < 0) throw_errno("epoll_create1");
        wakeup_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
        if (wakeup_ < 0) throw_errno("eventfd");
        watch(wakeup_, wakeup_key, EPOLLIN, EPOLL_CTL_ADD);
    }

    ~Reactor() {
        stop();
        for (auto& [key, c] : connections_) {
            if (c.tls) SSL_free(c.tls);
            ::close(c.fd);
        }
        if (listener_ >= 0) ::close(listener_);
        ::close(wakeup_);
        ::close(epoll_);
    }

    std::uint16_t listen(const std::string& address, std::uint16_t port) {
        const Listener listener = open_listener(address, port);
        listener_ = listener.fd;
        watch(listener_, listener_key, EPOLLIN, EPOLL_CTL_ADD);
        return listener.port;
    }

    void start() { thread_ = std::thread([this] { run(); }); }

    void stop() {
        if (!thread_.joinable()) return;
        stopping_ = true;
        ring();
        thread_.join();
        workers_.stop();   // what they hold runs to its end (an answered scan is a committed scan)
    }

    ConnectionCounts counts() const {
        std::lock_guard lock(counts_mutex_);
        return ConnectionCounts{open_count_, workers_.queued(), refused_count_};
    }

private:
    enum class Phase { idle, head, screening, body, handling, writing, draining };

    struct Connection {
        int fd = -1;
        SSL* tls = nullptr;        // the connection's TLS, when the server serves HTTPS
        bool tls_wants_write = false;   // a TLS read (the handshake) waits for the socket to take bytes
        std::uint64_t key = 0;
        std::string peer;
        bool counted = true;   // false for a socket refused at accept: it is only being drained
        Phase phase = Phase::idle;
        Clock::time_point since;   // when the phase began
        std::string in;            // bytes read and not yet used
        std::string out;           // the answer being written
        std::size_t out_sent = 0;
        bool close_after_write = false;
        RequestHead head;
        BodyFraming framing;
        std::optional<BodyReader> body_reader;   // while the body arrives
        std::string body;
        std::optional<Caller> caller;
    };

    // What a worker hands back: the caller a screen allowed, or an answer.
    struct Completion {
        std::uint64_t key;
        bool screened;
        std::optional<Caller> caller;
        Response response;
    };

    void watch(int fd, std::uint64_t key, std::uint32_t events, int op) {
        epoll_event ev{};
        ev.events = events;
        ev.data.u64 = key;
        if (epoll_ctl(epoll_, op, fd, &ev) < 0 && op != EPOLL_CTL_DEL) throw_errno("epoll_ctl");
    }

    void poll_for(Connection& c, std::uint32_t events) { watch(c.fd, c.key, events, EPOLL_CTL_MOD); }

    void ring() {
        const std::uint64_t one = 1;
        [[maybe_unused]] auto n = ::write(wakeup_, &one, sizeof one);
    }

    void run() {
        std::vector<epoll_event> events(256);
        auto last_sweep = Clock::now();
        for (;;) {
            if (stopping_ && !finish_in_flight()) break;
            const int n = epoll_wait(epoll_, events.data(), static_cast<int>(events.size()), 100);
            if (n < 0 && errno != EINTR) {
                Poco::Logger::get("bhm.http").error("event=epoll_failed errno=%d", errno);
                break;
            }
            for (int i = 0; i < n; ++i) {
                const auto key = events[static_cast<std::size_t>(i)].data.u64;
                const auto what = events[static_cast<std::size_t>(i)].events;
                if (key == listener_key) accept_all();
                else if (key == wakeup_key) take_completions();
                else on_socket(key, what);
            }
            const auto now = Clock::now();
            if (now - last_sweep >= std::chrono::milliseconds(100)) {
                sweep(now);
                last_sweep = now;
            }
            if (listener_paused_ && listener_ >= 0 && now >= listener_resume_) {
                watch(listener_, listener_key, EPOLLIN, EPOLL_CTL_MOD);
                listener_paused_ = false;
            }
        }
    }

    // On stop: no new connections or requests; answers already being worked on are still written,
    // for at most stop_grace. Returns false when nothing is left to wait for.
    bool finish_in_flight() {
        constexpr auto stop_grace = std::chrono::seconds(5);
        const auto now = Clock::now();
        if (listener_ >= 0) {
            watch(listener_, listener_key, 0, EPOLL_CTL_DEL);
            ::close(listener_);
            listener_ = -1;
            stop_deadline_ = now + stop_grace;
        }
        std::vector<std::uint64_t> done;
        bool waiting = false;
        for (auto& [key, c] : connections_) {
            if (c.phase == Phase::screening || c.phase == Phase::handling || c.phase == Phase::writing) waiting = true;
            else done.push_back(key);
        }
        for (auto key : done) close_connection(connections_.at(key));
        return waiting && now < stop_deadline_;
    }

    // --- accepting -------------------------------------------------------------------------------

    void accept_all() {
        for (;;) {
            sockaddr_storage address{};
            socklen_t length = sizeof address;
            const int fd = accept4(listener_, reinterpret_cast<sockaddr*>(&address), &length,
                                   SOCK_NONBLOCK | SOCK_CLOEXEC);
            if (fd < 0) {
                if (errno == EMFILE || errno == ENFILE || errno == ENOBUFS || errno == ENOMEM) {
                    // Out of descriptors: stop listening for a moment rather than spin on the backlog.
                    Poco::Logger::get("bhm.http").warning("event=accept_paused errno=%d open=%z", errno, open_count_);
                    watch(listener_, listener_key, 0, EPOLL_CTL_MOD);
                    listener_paused_ = true;
                    listener_resume_ = Clock::now() + std::chrono::milliseconds(100);
                }
                return;   // EAGAIN: the backlog is empty
            }
            int on = 1;
            setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            admit(fd, peer_address(address));
        }
    }

    void admit(int fd, std::string peer) {
        std::string refusal, why;
        if (const auto it = per_address_.find(peer); it != per_address_.end() && it->second >= limits_.max_connections_per_address) {
            refusal = "This address already holds " + std::to_string(it->second) + " connections.";
            why = "per_address";
        } else if (open_count_ >= limits_.max_connections && !evict_idle()) {
            refusal = "The server holds its maximum of " + std::to_string(limits_.max_connections) + " connections.";
            why = "total";
        }
        const std::uint64_t key = next_key_++;
        Connection& c = connections_[key];
        c.fd = fd;
        c.key = key;
        c.peer = std::move(peer);
        c.since = Clock::now();
        c.counted = refusal.empty();
        if (tls_) {
            c.tls = SSL_new(tls_);
            SSL_set_fd(c.tls, fd);
            SSL_set_accept_state(c.tls);   // the handshake runs inside the first reads and writes
        }
        watch(fd, key, EPOLLIN | EPOLLRDHUP, EPOLL_CTL_ADD);
        if (!c.counted) {
            {
                std::lock_guard lock(counts_mutex_);
                ++refused_count_;
            }
            Poco::Logger::get("bhm.http").warning("event=connection_refused peer=%s why=%s", c.peer, why);
            answer(c, overloaded(refusal), false);
            return;
        }
        ++per_address_[c.peer];
        set_open(open_count_ + 1);
    }

    // At the connection cap, the socket idle longest gives way to a new one.
    bool evict_idle() {
        Connection* oldest = nullptr;
        for (auto& [key, c] : connections_)
            if (c.counted && c.phase == Phase::idle && (!oldest || c.since < oldest->since)) oldest = &c;
        if (!oldest) return false;
        close_connection(*oldest);
        return true;
    }

    // --- reading ---------------------------------------------------------------------------------

    void on_socket(std::uint64_t key, std::uint32_t what) {
        auto it = connections_.find(key);
        if (it == connections_.end()) return;
        Connection& c = it->second;
        if (c.phase == Phase::writing) {
            if (what & (EPOLLERR | EPOLLHUP)) return close_connection(c);
            return write_some(c);
        }
        if (c.phase == Phase::screening || c.phase == Phase::handling) {
            // Not polled for reading; only a reset or hang-up arrives. The answer has nowhere to go.
            if (what & (EPOLLERR | EPOLLHUP)) close_connection(c);
            return;
        }
        if (c.tls_wants_write) {   // the socket took what the handshake had to send: back to reading
            c.tls_wants_write = false;
            poll_for(c, EPOLLIN | EPOLLRDHUP);
        }
        char buffer[16 * 1024];
        std::size_t total = 0;
        bool closed = false;
        // TLS keeps decrypted bytes that epoll cannot see, so a TLS connection is read until it waits.
        while (total < read_chunk || c.tls) {
            const IoResult r = receive(c.fd, c.tls, buffer, sizeof buffer);
            if (r.next == Io::done) {
                total += r.bytes;
                if (c.phase != Phase::draining) c.in.append(buffer, r.bytes);
                continue;
            }
            if (r.next == Io::closed) closed = true;
            if (r.next == Io::wait_write) {
                c.tls_wants_write = true;
                poll_for(c, EPOLLIN | EPOLLOUT | EPOLLRDHUP);
            }
            break;
        }
        if (c.phase == Phase::draining) {
            if (closed) close_connection(c);
            return;
        }
        progress(c);   // may answer, and so may close the connection: look it up again after
        if (!closed) return;
        // The client is gone (or half-closed) before its request was whole: nothing to answer. A whole
        // request already read still runs, and its answer is written if the socket still takes it.
        if (auto again = connections_.find(key); again != connections_.end()) {
            const Phase p = again->second.phase;
            if (p == Phase::idle || p == Phase::head || p == Phase::body) close_connection(again->second);
        }
    }

    // Moves the request on as far as the bytes read allow (request_reader.h draws its limits).
    void progress(Connection& c) {
        if (c.phase == Phase::idle) {
            skip_empty_lines(c.in);
            if (c.in.empty()) return;
            c.phase = Phase::head;
            c.since = Clock::now();
        }
        if (c.phase == Phase::head) {
            HeadRead read = read_request_head(c.in, limits_);
            if (read.kind == HeadRead::Kind::refused) return refuse_request(c, read.error);
            if (read.kind == HeadRead::Kind::need_more) return;
            c.head = std::move(read.head);
            c.framing = read.framing;
            return c.framing.declares_body() ? screen(c) : dispatch(c);
        }
        if (c.phase == Phase::body) {
            const bool whole = c.body_reader->feed(c.in);
            if (const auto& error = c.body_reader->error()) return refuse_request(c, *error);
            if (whole) {
                c.body = c.body_reader->take_body();
                c.body_reader.reset();
                dispatch(c);
            }
        }
    }

    // --- handing over to the workers ---------------------------------------------------------------

    void screen(Connection& c) {
        c.phase = Phase::screening;
        c.since = Clock::now();
        poll_for(c, 0);
        const auto key = c.key;
        const bool taken = workers_.submit([this, key, head = c.head, peer = c.peer] {
            Completion done{key, true, std::nullopt, {}};
            try {
                auto verdict = handler_.screen(head, peer);
                if (auto* caller = std::get_if<Caller>(&verdict)) done.caller = *caller;
                else done.response = std::get<Response>(std::move(verdict));
            } catch (...) {
                done.response = problem_response(500, "internal_error", "The server failed; nothing was changed.");
            }
            complete(std::move(done));
        });
        if (!taken) answer(c, overloaded("The server has too many requests waiting."), false);
    }

    void dispatch(Connection& c) {
        c.phase = Phase::handling;
        c.since = Clock::now();
        poll_for(c, 0);
        const auto key = c.key;
        const bool taken = workers_.submit(
            [this, key, head = c.head, body = std::move(c.body), caller = c.caller, peer = c.peer]() mutable {
                Completion done{key, false, std::nullopt, {}};
                try {
                    done.response = handler_.handle(head, std::move(body), caller, peer);
                } catch (...) {
                    done.response = problem_response(500, "internal_error", "The server failed; nothing was changed.");
                }
                complete(std::move(done));
            });
        c.body.clear();
        if (!taken) answer(c, overloaded("The server has too many requests waiting."), c.head.keep_alive());
    }

    void complete(Completion done) {
        {
            std::lock_guard lock(completions_mutex_);
            completions_.push_back(std::move(done));
        }
        ring();
    }

    void take_completions() {
        std::uint64_t count;
        [[maybe_unused]] auto n = ::read(wakeup_, &count, sizeof count);
        std::vector<Completion> ready;
        {
            std::lock_guard lock(completions_mutex_);
            ready.swap(completions_);
        }
        for (auto& done : ready) {
            auto it = connections_.find(done.key);
            if (it == connections_.end()) continue;   // the client went away meanwhile
            Connection& c = it->second;
            if (!done.screened) {
                answer(c, done.response, c.head.keep_alive());
            } else if (!done.caller) {
                answer(c, done.response, false);   // refused before its body was read: close after
            } else {
                c.caller = std::move(done.caller);
                start_body(c);
            }
        }
    }

    void start_body(Connection& c) {
        c.phase = Phase::body;
        c.since = Clock::now();
        c.body.clear();
        c.body_reader.emplace(c.framing, limits_.max_body_bytes);
        if (auto expect = c.head.field("expect"); expect && c.head.minor_version == 1) {
            // curl waits a second for this before it sends a larger body. Tiny: it fits the socket buffer.
            static const std::string go_on = "HTTP/1.1 100 Continue\r\n\r\n";
            transmit(c.fd, c.tls, go_on.data(), go_on.size());
        }
        poll_for(c, EPOLLIN | EPOLLRDHUP);
        progress(c);
    }

    // --- answering --------------------------------------------------------------------------------

    void refuse_request(Connection& c, const FramingError& error) { refuse_request(c, error.status, error.code, error.detail); }

    void refuse_request(Connection& c, int status, const std::string& code, const std::string& detail) {
        Poco::Logger::get("bhm.http").information("event=request_refused peer=%s status=%d code=%s", c.peer, status, code);
        answer(c, problem_response(status, code, detail), false);
    }

    void answer(Connection& c, const Response& response, bool keep_alive) {
        const bool http10 = c.head.minor_version == 0;
        c.out = wire_response(response, keep_alive, keep_alive && http10, c.head.method == "HEAD");
        c.out_sent = 0;
        c.close_after_write = !keep_alive;
        c.phase = Phase::writing;
        c.since = Clock::now();
        write_some(c);
    }

    void write_some(Connection& c) {
        while (c.out_sent < c.out.size()) {
            const IoResult r = transmit(c.fd, c.tls, c.out.data() + c.out_sent, c.out.size() - c.out_sent);
            if (r.next == Io::done) {
                c.out_sent += r.bytes;
                continue;
            }
            if (r.next == Io::wait_write) return poll_for(c, EPOLLOUT);
            if (r.next == Io::wait_read) return poll_for(c, EPOLLIN);   // TLS: the handshake needs the client first
            return close_connection(c);
        }
        c.out.clear();
        c.out_sent = 0;
        if (c.close_after_write) {
            // Half-close and read what the client still sends, so the kernel does not reset the
            // connection (and lose our answer) over unread bytes.
            if (c.tls) SSL_shutdown(c.tls);   // close_notify; its answer is not waited for
            ::shutdown(c.fd, SHUT_WR);
            c.phase = Phase::draining;
            c.since = Clock::now();
            c.in.clear();
            poll_for(c, EPOLLIN | EPOLLRDHUP);
            return;
        }
        c.phase = Phase::idle;
        c.since = Clock::now();
        c.head = RequestHead{};
        c.framing = BodyFraming{};
        c.caller.reset();
        poll_for(c, EPOLLIN | EPOLLRDHUP);
        progress(c);   // a pipelined request may already be here
    }

    // --- deadlines --------------------------------------------------------------------------------

    void sweep(Clock::time_point now) {
        const bool busy = open_count_ > limits_.busy_connections;
        const auto idle_limit = busy ? limits_.busy_idle_timeout : limits_.idle_timeout;
        std::vector<std::uint64_t> quiet, late;
        for (auto& [key, c] : connections_) {
            const auto age = now - c.since;
            switch (c.phase) {
                case Phase::idle:
                    if (age > idle_limit) quiet.push_back(key);
                    break;
                case Phase::head:
                    if (age > limits_.header_timeout) late.push_back(key);
                    break;
                case Phase::body:
                    if (age > limits_.body_timeout) late.push_back(key);
                    break;
                case Phase::writing:
                    if (age > limits_.send_timeout) quiet.push_back(key);
                    break;
                case Phase::draining:
                    if (age > linger_time) quiet.push_back(key);
                    break;
                case Phase::screening:
                case Phase::handling:
                    break;
            }
        }
        for (auto key : quiet) close_connection(connections_.at(key));
        for (auto key : late) {
            auto& c = connections_.at(key);
            refuse_request(c, 408, "request_timeout",
                           c.phase == Phase::head ? "The request head did not arrive in time."
                                                  : "The request body did not arrive in time.");
        }
    }

    void close_connection(Connection& c) {
        watch(c.fd, c.key, 0, EPOLL_CTL_DEL);
        if (c.tls) SSL_free(c.tls);
        ::close(c.fd);
        if (c.counted) {
            auto it = per_address_.find(c.peer);
            if (it != per_address_.end() && --it->second == 0) per_address_.erase(it);
            set_open(open_count_ - 1);
        }
        const auto key = c.key;   // c goes with the erase
        connections_.erase(key);
    }

    void set_open(std::size_t n) {
        std::lock_guard lock(counts_mutex_);
        open_count_ = n;
    }

    HttpHandler& handler_;
    const ConnectionLimits limits_;
    SSL_CTX* tls_ = nullptr;
    WorkerPool workers_;
    int epoll_ = -1, wakeup_ = -1, listener_ = -1;
    std::thread thread_;
    std::atomic<bool> stopping_{false};
    bool listener_paused_ = false;
    Clock::time_point stop_deadline_;
    Clock::time_point listener_resume_;

    std::unordered_map<std::uint64_t, Connection> connections_;   // reactor thread only
    std::map<std::string, std::size_t> per_address_;               // reactor thread only
    std::uint64_t next_key_ = 2;

    std::mutex completions_mutex_;
    std::vector<Completion> completions_;

    mutable std::mutex counts_mutex_;
    std::size_t open_count_ = 0;
    std::uint64_t refused_count_ = 0;
};

HttpServer::HttpServer(HttpHandler& handler, ConnectionLimits limits, const TlsContext* tls)
    : reactor_(std::make_unique<Reactor>(handler, limits, tls ? tls->ssl_context() : nullptr)) {}
HttpServer::~HttpServer() = default;
std::uint16_t HttpServer::listen(const std::string& address, std::uint16_t port) { return reactor_->listen(address, port); }
void HttpServer::start() { reactor_->start(); }
void HttpServer::stop() { reactor_->stop(); }
ConnectionCounts HttpServer::counts() const { return reactor_->counts(); }

}  // namespace bhm::server
