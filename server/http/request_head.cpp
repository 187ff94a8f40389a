// Strict request-head parser: RFC 9112 § 2.2 (message format), § 3 (request line), § 5 (fields).
#include "server/http/request_head.h"

#include <algorithm>
#include <array>

namespace bhm::server {
namespace {

constexpr std::size_t max_fields = 100;

// tchar (RFC 9110 § 5.6.2)
bool is_tchar(char c) {
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool is_token(std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_tchar); }

// field-value characters: VCHAR, obs-text, SP, HTAB (RFC 9110 § 5.5); no other control character.
bool is_field_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u == '\t' || (u >= 0x20 && u != 0x7f);
}

// request-target characters in origin-form: visible ASCII, no space or control (RFC 3986 is checked later by the URI).
bool is_target_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u > 0x20 && u < 0x7f;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return out;
}

std::string_view trim_ows(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

FramingError bad(std::string code, std::string detail) { return {400, std::move(code), std::move(detail)}; }

}  // namespace

std::optional<std::string> RequestHead::field(std::string_view name) const {
    for (const auto& [n, v] : fields)
        if (n == name) return v;
    return std::nullopt;
}

std::size_t RequestHead::count(std::string_view name) const {
    return static_cast<std::size_t>(std::count_if(fields.begin(), fields.end(), [&](const auto& f) { return f.first == name; }));
}

bool RequestHead::keep_alive() const {
    const std::string connection = lower(field("connection").value_or(""));
    const bool says_close = connection.find("close") != std::string::npos;
    if (minor_version == 0) return !says_close && connection.find("keep-alive") != std::string::npos;
    return !says_close;
}

bool is_known_method(std::string_view method) {
    static constexpr std::array<std::string_view, 9> known{"GET", "HEAD", "POST", "PUT", "DELETE",
                                                           "CONNECT", "OPTIONS", "TRACE", "PATCH"};
    return std::find(known.begin(), known.end(), method) != known.end();
}

std::variant<RequestHead, FramingError> parse_request_head(std::string_view head) {
    // A server SHOULD ignore empty lines received before the request line (RFC 9112 § 2.2).
    while (head.substr(0, 2) == "\r\n") head.remove_prefix(2);
    RequestHead out;
    std::size_t line_no = 0;
    while (!head.empty()) {
        const auto end = head.find('\n');
        if (end == std::string_view::npos || end == 0 || head[end - 1] != '\r')
            return bad("malformed_request_line_end", "Each line of the request head must end with CR LF.");
        std::string_view line = head.substr(0, end - 1);
        head.remove_prefix(end + 1);
        if (line.find('\r') != std::string_view::npos)
            return bad("malformed_request_line_end", "A bare CR inside the request head is not allowed.");
        if (line_no++ == 0) {
            const auto sp1 = line.find(' ');
            const auto sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
            if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
                return bad("malformed_request_line", "The request line must be 'METHOD /path HTTP/1.1'.");
            const auto method = line.substr(0, sp1), target = line.substr(sp1 + 1, sp2 - sp1 - 1),
                       version = line.substr(sp2 + 1);
            if (!is_token(method)) return bad("malformed_request_line", "The method is not a token.");
            if (target.empty() || !std::all_of(target.begin(), target.end(), is_target_char))
                return bad("malformed_request_line", "The request target holds spaces or control characters.");
            if (target.front() != '/')
                return bad("unsupported_request_target", "Only a path ('/api/v1/...') is served as a request target.");
            if (version.size() != 8 || version.substr(0, 5) != "HTTP/" || version[6] != '.' ||
                version[5] < '0' || version[5] > '9' || version[7] < '0' || version[7] > '9')
                return bad("malformed_request_line", "The request line must end with the version, e.g. HTTP/1.1.");
            if (version[5] != '1' || (version[7] != '0' && version[7] != '1'))
                return FramingError{505, "http_version_not_supported", "This server speaks HTTP/1.0 and HTTP/1.1."};
            out.method = std::string(method);
            out.target = std::string(target);
            out.minor_version = version[7] - '0';
            continue;
        }
        if (line.empty()) {
            if (!head.empty()) return bad("malformed_request_head", "Bytes follow the blank line that ends the head.");
            return out;
        }
        if (line.front() == ' ' || line.front() == '\t')
            return bad("obsolete_line_folding", "A header field value may not be folded onto a new line.");
        const auto colon = line.find(':');
        if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
            return bad("malformed_header_field",
                       "A header field must be 'Name: value' with no space before the colon.");
        const auto value = trim_ows(line.substr(colon + 1));
        if (!std::all_of(value.begin(), value.end(), is_field_char))
            return bad("malformed_header_field", "A header field value holds a control character.");
        if (out.fields.size() == max_fields)
            return FramingError{431, "too_many_header_fields",
                                "The request has more than " + std::to_string(max_fields) + " header fields."};
        out.fields.emplace_back(lower(line.substr(0, colon)), std::string(value));
    }
    return bad("malformed_request_head", "The request head does not end with a blank line.");
}

}  // namespace bhm::server
