// A plain TCP connection to the server under test, from a chosen loopback source address, that
// sends exactly the bytes a test gives it: half requests, trickled heads, broken chunking.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bhm::reliability {

struct RawAnswer {
    int status = 0;
    std::string head;   // status line and fields
    std::string body;
    bool has_field(const std::string& name_and_value) const;   // e.g. "Retry-After: 1", case-insensitive name
};

class RawConnection {
public:
    // Connects from `source` (any 127.x.y.z address) to 127.0.0.1:port; throws when it cannot.
    RawConnection(std::uint16_t port, const std::string& source = "127.0.0.1");
    ~RawConnection();
    RawConnection(RawConnection&& other) noexcept;
    RawConnection(const RawConnection&) = delete;
    RawConnection& operator=(const RawConnection&) = delete;

    // false once the server has closed (or reset) the connection.
    bool send(std::string_view bytes);
    // One whole answer (its head, then Content-Length bytes), waiting at most `timeout`.
    std::optional<RawAnswer> read_answer(std::chrono::milliseconds timeout);
    // true when the server closes the connection within `timeout` (answers before the close are read and dropped).
    bool closed_by_server(std::chrono::milliseconds timeout);

private:
    bool fill(std::chrono::steady_clock::time_point deadline);   // false on close or timeout
    int fd_ = -1;
    std::string buffer_;
    bool eof_ = false;
};

// "127.0.0.<n>" for n in 2..254: a source address apart from the normal client's.
std::string loopback_source(int n);

}  // namespace bhm::reliability
