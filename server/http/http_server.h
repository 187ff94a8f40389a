// bhm-server's HTTP/1.1 front end: one reactor thread (epoll) owns every socket, reads each request
// whole under deadlines, and hands only whole requests to a bounded pool of workers. Poco's
// HTTPServer gives each connection a thread for its lifetime, so sixteen idle sockets stopped the
// server; here an idle or trickling client holds a socket, never a worker.
//
// Invariants:
// - A worker never touches a socket; the reactor never runs a handler. They meet in two queues.
// - A request runs only once its head and body are fully framed; a framing error answers 4xx
//   problem+json and closes the connection, and the handler never sees the request.
// - A request that declares a body is screened (route, token, role) before its body is read.
// - Over a limit the answer is 503 with Retry-After at once; a timeout answers 408 (or, when the
//   socket sent nothing, closes it quietly).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>

#include "server/http/connection_limits.h"
#include "server/http/exchange.h"
#include "server/http/request_head.h"

namespace bhm::server {

// What the reactor hands whole requests to. Both calls run on worker threads, any number at once.
class HttpHandler {
public:
    virtual ~HttpHandler() = default;
    // A request that declares a body, before the body is read: the caller it may proceed as, or the
    // answer that refuses it (no route, no token, wrong role).
    virtual std::variant<Caller, Response> screen(const RequestHead& head, const std::string& peer) = 0;
    // A whole request. `screened` is the caller screen() returned, when it ran.
    virtual Response handle(const RequestHead& head, std::string body, const std::optional<Caller>& screened,
                            const std::string& peer) = 0;
};

struct ConnectionCounts {
    std::size_t open = 0;      // sockets held, requests in progress included
    std::size_t queued = 0;    // whole requests waiting for a worker
    std::uint64_t refused = 0;   // answered 503 at accept or at the queue
};

class TlsContext;

class HttpServer {
public:
    // With `tls`, every connection speaks HTTPS (the context must outlive the server).
    HttpServer(HttpHandler& handler, ConnectionLimits limits, const TlsContext* tls = nullptr);
    ~HttpServer();
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;

    // Binds and listens (port 0 picks one); returns the port. Throws std::system_error.
    std::uint16_t listen(const std::string& address, std::uint16_t port);
    void start();
    // Stops accepting, lets the workers finish what they hold, and closes every socket.
    void stop();
    ConnectionCounts counts() const;

private:
    class Reactor;
    std::unique_ptr<Reactor> reactor_;
};

// Raises the soft limit on open files towards `wanted` (within the hard limit); returns the limit now.
std::size_t raise_open_file_limit(std::size_t wanted);

}  // namespace bhm::server
