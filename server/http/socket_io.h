// One read or one write on a client socket, plain or TLS, as the reactor needs it: how many bytes,
// and whether the socket must become readable or writable before the next try.
#pragma once

#include <cstddef>

typedef struct ssl_st SSL;

namespace bhm::server {

enum class Io { done, wait_read, wait_write, closed };
struct IoResult {
    std::size_t bytes = 0;
    Io next = Io::done;
};

// `tls` null: plain recv/send; else SSL_read/SSL_write (the handshake runs inside them).
IoResult receive(int fd, SSL* tls, char* buffer, std::size_t size);
IoResult transmit(int fd, SSL* tls, const char* data, std::size_t size);

}  // namespace bhm::server
