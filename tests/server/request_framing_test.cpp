// The request head and body framing are strict: what a proxy and this server could read two ways
// is refused, and a malformed chunk never passes for an empty body.
#include <catch2/catch.hpp>

#include "server/http/body_framing.h"
#include "server/http/request_head.h"

using namespace bhm::server;

namespace {
RequestHead head_of(const std::string& text) {
    auto parsed = parse_request_head(text);
    if (auto* error = std::get_if<FramingError>(&parsed)) FAIL("refused: " << error->code << " " << error->detail);
    return std::get<RequestHead>(parsed);
}
int refusal_of(const std::string& text) {
    auto parsed = parse_request_head(text);
    return std::holds_alternative<FramingError>(parsed) ? std::get<FramingError>(parsed).status : 0;
}
std::variant<BodyFraming, FramingError> framing_of(const std::string& fields) {
    return body_framing(head_of("POST /x HTTP/1.1\r\n" + fields + "\r\n"), 1 << 20);
}
int framing_status(const std::string& fields) {
    auto f = framing_of(fields);
    return std::holds_alternative<FramingError>(f) ? std::get<FramingError>(f).status : 0;
}
}  // namespace

TEST_CASE("a request head gives its method, target, version and lower-cased fields") {
    auto head = head_of("POST /api/v1/scans?x=1 HTTP/1.1\r\nHost: a\r\nContent-Type:  application/json \r\n\r\n");
    CHECK(head.method == "POST");
    CHECK(head.target == "/api/v1/scans?x=1");
    CHECK(head.minor_version == 1);
    CHECK(head.field("content-type") == "application/json");
    CHECK(head.keep_alive());
}

TEST_CASE("empty lines before the request line are ignored") {
    CHECK(head_of("\r\n\r\nGET / HTTP/1.1\r\n\r\n").method == "GET");
}

TEST_CASE("a head with bare LF line ends, a space before a colon, or a folded line is refused") {
    CHECK(refusal_of("GET / HTTP/1.1\nHost: a\n\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\nContent-Length : 5\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\nX-A: 1\r\n  folded\r\n\r\n") == 400);
    CHECK(refusal_of("GET / HTTP/1.1\r\nX-A: a\x01z\r\n\r\n") == 400);
    CHECK(refusal_of("GET  / HTTP/1.1\r\n\r\n") == 400);
    CHECK(refusal_of("GET http://other/ HTTP/1.1\r\n\r\n") == 400);
}

TEST_CASE("an HTTP version other than 1.0 and 1.1 is 505") {
    CHECK(refusal_of("GET / HTTP/2.0\r\n\r\n") == 505);
    CHECK(refusal_of("GET / HTTP/1.2\r\n\r\n") == 505);
    CHECK(refusal_of("GET / HTTQ/1.1\r\n\r\n") == 400);
}

TEST_CASE("methods are case-sensitive: only the standard ones are known") {
    CHECK(is_known_method("GET"));
    CHECK(is_known_method("PATCH"));
    CHECK_FALSE(is_known_method("get"));
    CHECK_FALSE(is_known_method("BREW"));
}

TEST_CASE("HTTP/1.0 keeps the connection only when asked, HTTP/1.1 unless told to close") {
    CHECK_FALSE(head_of("GET / HTTP/1.0\r\n\r\n").keep_alive());
    CHECK(head_of("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").keep_alive());
    CHECK_FALSE(head_of("GET / HTTP/1.1\r\nConnection: close\r\n\r\n").keep_alive());
}

TEST_CASE("a request with neither length nor chunking has no body") {
    auto f = framing_of("");
    REQUIRE(std::holds_alternative<BodyFraming>(f));
    CHECK_FALSE(std::get<BodyFraming>(f).declares_body());
}

TEST_CASE("a negative, non-numeric, signed or repeated Content-Length is 400") {
    for (const std::string bad : {"-1", "abc", "+5", "5 5", "0x10", "", "99999999999999999999"}) {
        INFO(bad);
        CHECK(framing_status("Content-Length: " + bad + "\r\n") == 400);
    }
    CHECK(framing_status("Content-Length: 5\r\nContent-Length: 5\r\n") == 400);
}

TEST_CASE("a Content-Length above the body cap is 413 before any byte of the body is read") {
    CHECK(framing_status("Content-Length: 1048577\r\n") == 413);
    CHECK(framing_status("Content-Length: 1048576\r\n") == 0);
}

TEST_CASE("both Content-Length and chunking is refused, and so is an unknown transfer coding") {
    CHECK(framing_status("Content-Length: 5\r\nTransfer-Encoding: chunked\r\n") == 400);
    CHECK(framing_status("Transfer-Encoding: gzip, chunked\r\n") == 501);
    CHECK(framing_status("Transfer-Encoding: Chunked\r\n") == 0);
}

TEST_CASE("a chunked body is decoded whole, however it is split, and bytes after it are left") {
    const std::string wire = "4;ext=1\r\nWiki\r\n5\r\npedia\r\n0\r\nX-Trailer: t\r\n\r\nGET /next";
    for (std::size_t step : {1u, 3u, 1000u}) {
        ChunkedDecoder decoder(100);
        std::size_t used = 0;
        while (!decoder.done() && used < wire.size()) used += decoder.feed(std::string_view(wire).substr(used, step));
        INFO(step);
        REQUIRE(decoder.done());
        CHECK(decoder.body() == "Wikipedia");
        CHECK(wire.substr(used) == "GET /next");
    }
}

TEST_CASE("a malformed chunk size is 400, never an empty body") {
    for (const std::string bad : {"zz\r\n", "-5\r\n", "123456789abcdef012345\r\n", "\r\n", "5\nhello", "3\r\nabcX"}) {
        ChunkedDecoder decoder(1 << 20);
        decoder.feed(bad + "\r\n0\r\n\r\n");
        INFO(bad);
        REQUIRE(decoder.error().has_value());
        CHECK(decoder.error()->status == 400);
        CHECK_FALSE(decoder.done());
    }
}

TEST_CASE("chunks adding up past the body cap are 413") {
    ChunkedDecoder decoder(10);
    decoder.feed("8\r\n12345678\r\n8\r\n");
    REQUIRE(decoder.error().has_value());
    CHECK(decoder.error()->status == 413);
}
