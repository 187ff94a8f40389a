// Request boundaries: the head by CRLF CRLF within max_head_bytes, the body by its framing.
#include "server/http/request_reader.h"

#include <algorithm>

namespace bhm::server {
namespace {

bool is_json_media_type(const std::optional<std::string>& content_type) {
    if (!content_type) return false;
    std::string type = content_type->substr(0, content_type->find(';'));
    while (!type.empty() && (type.back() == ' ' || type.back() == '\t')) type.pop_back();
    for (auto& c : type) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    return type == "application/json";
}

HeadRead refused(int status, std::string code, std::string detail) {
    HeadRead r;
    r.kind = HeadRead::Kind::refused;
    r.error = FramingError{status, std::move(code), std::move(detail)};
    return r;
}

HeadRead refused(FramingError error) { return refused(error.status, std::move(error.code), std::move(error.detail)); }

}  // namespace

void skip_empty_lines(std::string& in) {
    std::size_t skip = 0;
    while (in.compare(skip, 2, "\r\n") == 0) skip += 2;
    in.erase(0, skip);
}

HeadRead read_request_head(std::string& in, const ConnectionLimits& limits) {
    const auto end = in.find("\r\n\r\n");
    // A line that ends in a bare LF would never meet the CRLF CRLF looked for: refuse it now.
    for (std::size_t lf = in.find('\n'); lf != std::string::npos && lf < end; lf = in.find('\n', lf + 1))
        if (lf == 0 || in[lf - 1] != '\r')
            return refused(400, "malformed_request_line_end", "Each line of the request head must end with CR LF.");
    const bool too_large = end == std::string::npos ? in.size() > limits.max_head_bytes : end > limits.max_head_bytes;
    if (too_large)
        return refused(431, "head_too_large",
                       "The request head is larger than " + std::to_string(limits.max_head_bytes) + " bytes.");
    if (end == std::string::npos) return HeadRead{};
    auto parsed = parse_request_head(std::string_view(in).substr(0, end + 4));
    in.erase(0, end + 4);
    if (auto* error = std::get_if<FramingError>(&parsed)) return refused(*error);
    HeadRead read;
    read.head = std::move(std::get<RequestHead>(parsed));
    if (!is_known_method(read.head.method))
        return refused(501, "method_not_implemented", "The method '" + read.head.method + "' is not one this server knows.");
    auto framing = body_framing(read.head, limits.max_body_bytes);
    if (auto* error = std::get_if<FramingError>(&framing)) return refused(*error);
    read.framing = std::get<BodyFraming>(framing);
    if (read.framing.declares_body() && !is_json_media_type(read.head.field("content-type")))
        return refused(415, "unsupported_media_type", "The body must be declared as 'Content-Type: application/json'.");
    read.kind = HeadRead::Kind::ready;
    return read;
}

BodyReader::BodyReader(BodyFraming framing, std::size_t max_body) : framing_(framing) {
    if (framing_.kind == BodyFraming::Kind::chunked) chunked_.emplace(max_body);
}

bool BodyReader::feed(std::string& in) {
    if (!chunked_) {
        const auto take = std::min(static_cast<std::size_t>(framing_.length) - body_.size(), in.size());
        body_.append(in, 0, take);
        in.erase(0, take);
        return body_.size() == framing_.length;
    }
    in.erase(0, chunked_->feed(in));
    return chunked_->done();
}

const std::optional<FramingError>& BodyReader::error() const { return chunked_ ? chunked_->error() : no_error_; }

std::string BodyReader::take_body() { return chunked_ ? std::move(chunked_->body()) : std::move(body_); }

}  // namespace bhm::server
