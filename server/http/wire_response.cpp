// Response → HTTP/1.1 bytes.
#include "server/http/wire_response.h"

#include <Poco/DateTime.h>
#include <Poco/DateTimeFormat.h>
#include <Poco/DateTimeFormatter.h>
#include <Poco/Net/HTTPResponse.h>

namespace bhm::server {

std::string wire_response(const Response& response, bool keep_alive, bool http10_keep_alive, bool head_only) {
    const auto status = static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status);
    std::string out;
    out.reserve(256 + response.body.size());
    // Poco 1.11 knows no reason phrase for 308 (RFC 9110 § 15.4.9).
    const std::string reason = response.status == 308 ? "Permanent Redirect" : Poco::Net::HTTPResponse::getReasonForStatus(status);
    out += "HTTP/1.1 " + std::to_string(response.status) + " " + reason + "\r\n";
    out += "Date: " + Poco::DateTimeFormatter::format(Poco::DateTime(), Poco::DateTimeFormat::HTTP_FORMAT) + "\r\n";
    out += "Content-Type: " + response.content_type + "\r\n";
    out += "Content-Length: " + std::to_string(response.body.size()) + "\r\n";
    if (!response.headers.count("Cache-Control")) out += "Cache-Control: no-store\r\n";   // patient data is not cached
    out += "X-Content-Type-Options: nosniff\r\n";
    for (const auto& [name, value] : response.headers) out += name + ": " + value + "\r\n";
    if (!keep_alive) out += "Connection: close\r\n";
    else if (http10_keep_alive) out += "Connection: keep-alive\r\n";
    out += "\r\n";
    if (!head_only) out += response.body;
    return out;
}

Response problem_response(const ApiError& error) {
    Response r = Response::json(problem_body(error), error.status);
    r.content_type = "application/problem+json";
    r.headers.insert(error.headers.begin(), error.headers.end());
    return r;
}

Response problem_response(int status, std::string code, std::string detail) {
    return problem_response(ApiError(status, Refusal{std::move(code), std::move(detail), ""}));
}

}  // namespace bhm::server
