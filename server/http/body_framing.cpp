// Body framing and the chunked decoder (RFC 9112 § 6.1–6.3, § 7.1).
#include "server/http/body_framing.h"

#include <algorithm>

namespace bhm::server {
namespace {

constexpr std::size_t max_line = 1024;   // a chunk-size line or one trailer field
constexpr std::size_t max_trailer = 8192;

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return s;
}

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string too_large(std::size_t max_body) {
    return "The body is larger than " + std::to_string(max_body) + " bytes.";
}

}  // namespace

std::variant<BodyFraming, FramingError> body_framing(const RequestHead& head, std::size_t max_body) {
    const auto coding = head.field("transfer-encoding");
    const auto length = head.field("content-length");
    if (head.count("transfer-encoding") > 1 || head.count("content-length") > 1)
        return FramingError{400, "ambiguous_framing", "The request repeats Content-Length or Transfer-Encoding."};
    if (coding && length)
        return FramingError{400, "ambiguous_framing",
                            "The request has both Content-Length and Transfer-Encoding; send one of them."};
    if (coding) {
        if (head.minor_version == 0)
            return FramingError{400, "malformed_transfer_encoding", "HTTP/1.0 has no chunked transfer coding."};
        if (lower(*coding) != "chunked")
            return FramingError{501, "unsupported_transfer_encoding",
                                "Only 'Transfer-Encoding: chunked' is understood, not '" + *coding + "'."};
        return BodyFraming{BodyFraming::Kind::chunked, 0};
    }
    if (!length) return BodyFraming{};
    const std::string& text = *length;
    if (text.empty() || text.size() > 19 || !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        return FramingError{400, "malformed_content_length",
                            "Content-Length must be a whole number of bytes, not '" + text + "'."};
    const std::uint64_t n = std::stoull(text);
    if (n > max_body) return FramingError{413, "body_too_large", too_large(max_body)};
    return BodyFraming{BodyFraming::Kind::length, n};
}

void ChunkedDecoder::fail(int status, std::string code, std::string detail) {
    state_ = State::failed;
    error_ = FramingError{status, std::move(code), std::move(detail)};
}

void ChunkedDecoder::end_size_line() {
    std::string_view line(line_);
    line = line.substr(0, line.find(';'));   // chunk extensions are allowed and ignored
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    if (line.empty() || line.size() > 8)
        return fail(400, "malformed_chunk", "A chunk size must be 1 to 8 hexadecimal digits.");
    std::uint64_t size = 0;
    for (char c : line) {
        const int v = hex_value(c);
        if (v < 0) return fail(400, "malformed_chunk", "A chunk size must be hexadecimal digits.");
        size = size * 16 + static_cast<std::uint64_t>(v);
    }
    if (body_.size() + size > max_body_) return fail(413, "body_too_large", too_large(max_body_));
    line_.clear();
    remaining_ = size;
    state_ = size == 0 ? State::trailer : State::data;
}

void ChunkedDecoder::end_trailer_line() {
    if (line_.empty()) {
        state_ = State::done;
        return;
    }
    const auto colon = line_.find(':');
    if (colon == 0 || colon == std::string::npos || line_.find_first_of(" \t") < colon)
        return fail(400, "malformed_chunk", "A trailer field must be 'Name: value'.");
    line_.clear();   // trailer fields are read and dropped: none of ours is meaningful there
}

std::size_t ChunkedDecoder::feed(std::string_view in) {
    std::size_t used = 0;
    while (used < in.size() && state_ != State::done && state_ != State::failed) {
        const char c = in[used];
        switch (state_) {
            case State::size_line:
            case State::trailer:
                ++used;
                if (state_ == State::trailer && ++trailer_bytes_ > max_trailer)
                    { fail(400, "malformed_chunk", "The chunked trailer is too long."); return used; }
                if (c == '\n') {
                    if (line_.empty() || line_.back() != '\r')
                        { fail(400, "malformed_chunk", "A chunk line must end with CR LF."); return used; }
                    line_.pop_back();
                    if (line_.find('\r') != std::string::npos)
                        { fail(400, "malformed_chunk", "A bare CR inside a chunk line."); return used; }
                    if (state_ == State::size_line) end_size_line();
                    else end_trailer_line();
                } else {
                    if (line_.size() >= max_line) { fail(400, "malformed_chunk", "A chunk line is too long."); return used; }
                    line_ += c;
                }
                break;
            case State::data: {
                const auto take = static_cast<std::size_t>(std::min<std::uint64_t>(remaining_, in.size() - used));
                body_.append(in.substr(used, take));
                used += take;
                remaining_ -= take;
                if (remaining_ == 0) {
                    state_ = State::data_crlf;
                    crlf_seen_ = 0;
                }
                break;
            }
            case State::data_crlf:
                ++used;
                if (c != (crlf_seen_ == 0 ? '\r' : '\n'))
                    { fail(400, "malformed_chunk", "A chunk's data must be followed by CR LF."); return used; }
                if (++crlf_seen_ == 2) state_ = State::size_line;
                break;
            case State::done:
            case State::failed:
                break;
        }
    }
    return used;
}

}  // namespace bhm::server
