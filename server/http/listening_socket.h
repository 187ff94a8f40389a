// The sockets beneath the reactor: the listening socket on an IP address and port, a client's
// address as text (the per-address cap and the logs), and room for as many descriptors as sockets.
#pragma once

#include <sys/socket.h>

#include <cstddef>
#include <cstdint>
#include <string>

namespace bhm::server {

struct Listener {
    int fd = -1;               // non-blocking, close-on-exec
    std::uint16_t port = 0;    // the port bound (port 0 picks one)
};
// Binds and listens on an IPv4 or IPv6 address; throws std::system_error.
Listener open_listener(const std::string& address, std::uint16_t port);

std::string peer_address(const sockaddr_storage& address);

}  // namespace bhm::server
