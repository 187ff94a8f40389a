// RawConnection on POSIX sockets, so a test controls every byte and every pause.
#include "raw_connection.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace bhm::reliability {
namespace {
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}
}  // namespace

bool RawAnswer::has_field(const std::string& name_and_value) const {
    const auto colon = name_and_value.find(':');
    const std::string want = lower(name_and_value.substr(0, colon)) + name_and_value.substr(colon);
    std::string folded;
    for (std::size_t start = 0; start < head.size();) {
        auto end = head.find("\r\n", start);
        if (end == std::string::npos) end = head.size();
        std::string line = head.substr(start, end - start);
        const auto c = line.find(':');
        if (c != std::string::npos && lower(line.substr(0, c)) + line.substr(c) == want) return true;
        start = end + 2;
    }
    return false;
}

std::string loopback_source(int n) { return "127.0.0." + std::to_string(n); }

RawConnection::RawConnection(std::uint16_t port, const std::string& source) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd_ < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in from{};
    from.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &from.sin_addr);
    if (::bind(fd_, reinterpret_cast<sockaddr*>(&from), sizeof from) < 0) {
        ::close(fd_);
        throw std::runtime_error("bind " + source + ": " + std::strerror(errno));
    }
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(port);
    inet_pton(AF_INET, "127.0.0.1", &to.sin_addr);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&to), sizeof to) < 0) {
        ::close(fd_);
        throw std::runtime_error(std::string("connect: ") + std::strerror(errno));
    }
}

RawConnection::~RawConnection() {
    if (fd_ >= 0) ::close(fd_);
}

RawConnection::RawConnection(RawConnection&& other) noexcept
    : fd_(other.fd_), buffer_(std::move(other.buffer_)), eof_(other.eof_) {
    other.fd_ = -1;
}

bool RawConnection::send(std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) return false;
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool RawConnection::fill(std::chrono::steady_clock::time_point deadline) {
    if (eof_) return false;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return false;
    pollfd p{fd_, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return false;
    char chunk[8192];
    const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
    if (n <= 0) {
        eof_ = true;
        return false;
    }
    buffer_.append(chunk, static_cast<std::size_t>(n));
    return true;
}

std::optional<RawAnswer> RawConnection::read_answer(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    std::size_t end;
    while ((end = buffer_.find("\r\n\r\n")) == std::string::npos)
        if (!fill(deadline)) return std::nullopt;
    RawAnswer answer;
    answer.head = buffer_.substr(0, end + 2);
    if (answer.head.size() < 12 || answer.head.compare(0, 5, "HTTP/") != 0) return std::nullopt;
    answer.status = std::stoi(answer.head.substr(9, 3));
    std::size_t length = 0;
    const std::string lowered = lower(answer.head);
    if (auto at = lowered.find("\r\ncontent-length:"); at != std::string::npos)
        length = std::stoul(answer.head.substr(at + 17));
    while (buffer_.size() < end + 4 + length)
        if (!fill(deadline)) return std::nullopt;
    answer.body = buffer_.substr(end + 4, length);
    buffer_.erase(0, end + 4 + length);
    return answer;
}

bool RawConnection::closed_by_server(std::chrono::milliseconds timeout) {
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!eof_ && std::chrono::steady_clock::now() < deadline) fill(deadline);
    return eof_;
}

}  // namespace bhm::reliability
