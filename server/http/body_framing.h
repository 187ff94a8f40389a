// Where a request's body ends (RFC 9112 § 6): no body, a Content-Length, or chunked transfer coding.
// Strict on purpose: a negative, non-numeric or repeated length, both a length and chunking, or an
// unknown coding is refused before anything runs, and a malformed chunk ends the request with 400,
// so a half-read body is never taken for a whole (empty) one. Pure: bytes in, body out.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "server/http/request_head.h"

namespace bhm::server {

struct BodyFraming {
    enum class Kind { none, length, chunked } kind = Kind::none;
    std::uint64_t length = 0;   // for Kind::length
    bool declares_body() const { return kind == Kind::chunked || (kind == Kind::length && length > 0); }
};

// 400 for a malformed or ambiguous length, 501 for an unknown transfer coding, 413 past max_body.
std::variant<BodyFraming, FramingError> body_framing(const RequestHead& head, std::size_t max_body);

// Decodes a chunked body as it arrives (RFC 9112 § 7.1): chunk sizes in hex, optional extensions,
// CRLF after each chunk's data, the last chunk of size 0, optional trailer fields, a blank line.
class ChunkedDecoder {
public:
    explicit ChunkedDecoder(std::size_t max_body) : max_body_(max_body) {}

    // Takes what it can from `in`; returns how many bytes it used. Stops at the end of the body
    // (done()) or at the first error (error()), leaving any bytes after the body unread.
    std::size_t feed(std::string_view in);
    bool done() const { return state_ == State::done; }
    const std::optional<FramingError>& error() const { return error_; }
    std::string& body() { return body_; }

private:
    enum class State { size_line, data, data_crlf, trailer, done, failed };
    void fail(int status, std::string code, std::string detail);
    void end_size_line();
    void end_trailer_line();

    std::size_t max_body_;
    State state_ = State::size_line;
    std::string line_;          // the size or trailer line being read
    std::uint64_t remaining_ = 0;   // data bytes left in the current chunk
    std::size_t crlf_seen_ = 0;
    std::size_t trailer_bytes_ = 0;
    std::string body_;
    std::optional<FramingError> error_;
};

}  // namespace bhm::server
