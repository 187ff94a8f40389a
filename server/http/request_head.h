// The head of an HTTP/1.x request (RFC 9112 § 3, § 5), parsed strictly: CRLF line ends, a method
// token, a request target, HTTP/1.0 or 1.1, and header fields whose names are tokens with no space
// before the colon. Poco's parser accepts all of those loosely, and a loose head is how a proxy and
// a server come to disagree on where a request ends. Pure: bytes in, a head or a 4xx/5xx out.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace bhm::server {

struct RequestHead {
    std::string method;   // as sent: methods are case-sensitive
    std::string target;   // origin-form "/path?query"
    int minor_version = 1;   // HTTP/1.<minor>
    std::vector<std::pair<std::string, std::string>> fields;   // names lower-cased, values trimmed

    // The value of the one field with this (lower-case) name; nullopt when absent.
    std::optional<std::string> field(std::string_view name) const;
    std::size_t count(std::string_view name) const;
    // HTTP/1.1 keeps the connection unless "Connection: close"; HTTP/1.0 only with "keep-alive".
    bool keep_alive() const;
};

// Why a request could not be taken as it was framed: status, stable code, a sentence.
struct FramingError {
    int status;
    std::string code;
    std::string detail;
};

// `head` is everything up to and including the blank line that ends the fields.
std::variant<RequestHead, FramingError> parse_request_head(std::string_view head);

// The methods of RFC 9110 § 9 (and PATCH, RFC 5789): any other is 501 at once.
bool is_known_method(std::string_view method);

}  // namespace bhm::server
