// Socket I/O on non-blocking descriptors; OpenSSL's WANT_READ/WANT_WRITE become wait_read/wait_write.
#include "server/http/socket_io.h"

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <sys/socket.h>

#include <cerrno>

namespace bhm::server {
namespace {

IoResult tls_result(SSL* tls, int n) {
    if (n > 0) return {static_cast<std::size_t>(n), Io::done};
    switch (SSL_get_error(tls, n)) {
        case SSL_ERROR_WANT_READ: return {0, Io::wait_read};
        case SSL_ERROR_WANT_WRITE: return {0, Io::wait_write};
        default: ERR_clear_error(); return {0, Io::closed};   // close_notify, a reset, or a failed handshake
    }
}

}  // namespace

IoResult receive(int fd, SSL* tls, char* buffer, std::size_t size) {
    if (tls) {
        ERR_clear_error();
        return tls_result(tls, SSL_read(tls, buffer, static_cast<int>(size)));
    }
    for (;;) {
        const ssize_t n = ::recv(fd, buffer, size, 0);
        if (n > 0) return {static_cast<std::size_t>(n), Io::done};
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return {0, Io::wait_read};
        return {0, Io::closed};
    }
}

IoResult transmit(int fd, SSL* tls, const char* data, std::size_t size) {
    if (tls) {
        ERR_clear_error();
        return tls_result(tls, SSL_write(tls, data, static_cast<int>(size)));
    }
    for (;;) {
        const ssize_t n = ::send(fd, data, size, MSG_NOSIGNAL);
        if (n > 0) return {static_cast<std::size_t>(n), Io::done};
        if (n < 0 && errno == EINTR) continue;
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return {0, Io::wait_write};
        return {0, Io::closed};
    }
}

}  // namespace bhm::server
