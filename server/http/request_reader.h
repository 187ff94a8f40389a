// Reading one request out of the bytes a connection has delivered: where its head ends, whether the
// head, method, framing and media type may be taken, and where its body ends. Pure: the reactor owns
// the socket, the phases and the deadlines; this owns the limits of a request.
#pragma once

#include <optional>
#include <string>

#include "server/http/body_framing.h"
#include "server/http/connection_limits.h"
#include "server/http/request_head.h"

namespace bhm::server {

// Drops the empty lines a client may send before a request line (RFC 9112 § 2.2).
void skip_empty_lines(std::string& in);

struct HeadRead {
    enum class Kind { need_more, refused, ready } kind = Kind::need_more;
    FramingError error{};   // for refused
    RequestHead head;       // for ready
    BodyFraming framing;    // for ready: whether a body follows, and how it is framed
};

// Takes a whole head from the front of `in`, if it is there, and checks it: CRLF lines, the size
// limit, a known method, the body's framing, and a declared JSON body.
HeadRead read_request_head(std::string& in, const ConnectionLimits& limits);

// A body as its bytes arrive, by Content-Length or chunked.
class BodyReader {
public:
    BodyReader(BodyFraming framing, std::size_t max_body);
    // Takes what belongs to the body from the front of `in`; true once the body is whole.
    bool feed(std::string& in);
    const std::optional<FramingError>& error() const;   // a malformed chunk: the request is refused
    std::string take_body();

private:
    BodyFraming framing_;
    std::string body_;
    std::optional<ChunkedDecoder> chunked_;
    std::optional<FramingError> no_error_;
};

}  // namespace bhm::server
