// A request is read whole or refused: the head within its size limit and with CRLF lines, a known
// method, a framing that is not ambiguous, a JSON body declared as such, and the body to its end.
#include <catch2/catch.hpp>

#include "server/http/request_reader.h"

using namespace bhm::server;

namespace {
HeadRead read(std::string in) {
    ConnectionLimits limits;
    limits.max_head_bytes = 64;
    return read_request_head(in, limits);
}
}  // namespace

TEST_CASE("a head that has not ended yet needs more bytes, and one past the limit is 431") {
    CHECK(read("GET / HTTP/1.1\r\nHost: x\r\n").kind == HeadRead::Kind::need_more);
    auto long_head = read("GET / HTTP/1.1\r\nX: " + std::string(80, 'a'));
    CHECK(long_head.kind == HeadRead::Kind::refused);
    CHECK(long_head.error.status == 431);
}

TEST_CASE("a bare LF in a head is refused before the head ends") {
    auto bare = read("GET / HTTP/1.1\nHost: x\n");
    REQUIRE(bare.kind == HeadRead::Kind::refused);
    CHECK(bare.error.status == 400);
}

TEST_CASE("an unknown method is 501 and a body not declared as JSON is 415") {
    CHECK(read("BREW / HTTP/1.1\r\n\r\n").error.status == 501);
    CHECK(read("POST / HTTP/1.1\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\n").error.status == 415);
}

TEST_CASE("a whole head leaves the body's bytes, and the body reader takes exactly its length") {
    std::string in = "POST /x HTTP/1.1\r\nContent-Length: 4\r\nContent-Type: application/json\r\n\r\n{}  GET";
    ConnectionLimits limits;
    auto head = read_request_head(in, limits);
    REQUIRE(head.kind == HeadRead::Kind::ready);
    CHECK(head.framing.declares_body());
    BodyReader body(head.framing, limits.max_body_bytes);
    CHECK(body.feed(in));
    CHECK(body.take_body() == "{}  ");
    CHECK(in == "GET");
}

TEST_CASE("empty lines before a request are skipped") {
    std::string in = "\r\n\r\nGET / HTTP/1.1\r\n\r\n";
    skip_empty_lines(in);
    CHECK(in.rfind("GET", 0) == 0);
}
