// A small HTTP client for the whole-system tests: talks to 127.0.0.1 only, sends a bearer token,
// and hands back the status, content type, raw body and parsed JSON of each answer.
#pragma once

#include <cstdint>
#include <map>
#include <string>

#include <Poco/Dynamic/Var.h>
#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

namespace bhm::e2e {

class ServerProcess;

struct ApiResponse {
    int status = 0;
    std::string reason;                          // the status line's reason phrase
    std::map<std::string, std::string> headers;  // names as sent
    std::string content_type;
    std::string body;
    Poco::Dynamic::Var json;   // empty when the body is not JSON

    bool is_object() const;
    Poco::JSON::Object::Ptr object() const;   // throws (with the body) unless the body is a JSON object
    Poco::JSON::Array::Ptr array() const;     // throws unless the body is a JSON array
    std::string text(const std::string& field) const;   // a top-level string field, "" when absent or null
    std::string describe() const;             // "HTTP 422 application/problem+json {...}" for messages
};

class ApiClient {
public:
    explicit ApiClient(std::uint16_t port, std::string token = "");

    ApiResponse get(const std::string& path) const;
    ApiResponse post(const std::string& path, const std::string& body) const;
    ApiResponse post(const std::string& path, const Poco::JSON::Object::Ptr& body) const;
    // Any method; `body` is sent (with Content-Type application/json) when `with_body`. Extra headers
    // replace the client's own (e.g. a differently spelled Authorization).
    ApiResponse send(const std::string& method, const std::string& path, const std::string& body = "",
                     bool with_body = false, const std::map<std::string, std::string>& extra_headers = {}) const;
    // POSTs `size` bytes of JSON-looking filler over a raw socket, either with Content-Length or chunked,
    // reading the answer while still sending: a server may answer 413 and close before reading it all.
    ApiResponse post_oversized(const std::string& path, std::size_t size, bool chunked) const;

    ApiClient with_token(std::string token) const { return ApiClient(port_, std::move(token)); }
    const std::string& token() const { return token_; }
    std::uint16_t port() const { return port_; }

private:
    std::uint16_t port_;
    std::string token_;
};

// Logs a demo user in with the server's demo password; fails the test (REQUIRE) when that does not work.
ApiClient login(const ServerProcess& server, const std::string& username);
// A client carrying the demo scan station's token.
ApiClient station(const ServerProcess& server);

// Stringifies a JSON object for a request body.
std::string to_json(const Poco::JSON::Object::Ptr& object);
// Parses JSON text; an empty Var when it is not JSON.
Poco::Dynamic::Var parse_json(const std::string& text);

}  // namespace bhm::e2e
