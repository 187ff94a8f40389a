// Builds problem+json bodies: type, title, status, detail, plus our code and rule.
#include "server/http/problem.h"

#include <Poco/JSON/Array.h>

namespace bhm::server {

void fail(int status, std::string code, std::string message, std::string rule) {
    throw ApiError(status, Refusal{std::move(code), std::move(message), std::move(rule)});
}

void refuse(const Refusal& refusal, int status) { throw ApiError(status, refusal); }

void refuse_all(const std::vector<Refusal>& refusals, int status) {
    if (refusals.empty()) refuse(Refusal{"refused", "Refused.", ""}, status);
    throw ApiError(status, refusals.front(), refusals);
}

std::string status_title(int status) {
    switch (status) {
        case 308: return "Permanent redirect";
        case 400: return "Bad request";
        case 401: return "Not logged in";
        case 403: return "Forbidden";
        case 404: return "Not found";
        case 405: return "Method not allowed";
        case 408: return "Request timeout";
        case 409: return "Conflict";
        case 411: return "Length required";
        case 413: return "Request body too large";
        case 415: return "Unsupported media type";
        case 422: return "Refused by a rule";
        case 429: return "Too many requests";
        case 431: return "Request header fields too large";
        case 500: return "Internal error";
        case 501: return "Not implemented";
        case 503: return "Service unavailable";
        case 505: return "HTTP version not supported";
        default: return "Error";
    }
}

Poco::JSON::Object::Ptr problem_body(const ApiError& error) {
    Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
    body->set("type", "/api/v1/problems/" + error.refusal.code);
    body->set("title", status_title(error.status));
    body->set("status", error.status);
    body->set("detail", error.refusal.message);
    body->set("code", error.refusal.code);
    body->set("rule", error.refusal.rule);
    if (error.all.size() > 1) {
        Poco::JSON::Array::Ptr reasons = new Poco::JSON::Array;
        for (const auto& r : error.all) {
            Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
            item->set("code", r.code);
            item->set("detail", r.message);
            item->set("rule", r.rule);
            reasons->add(item);
        }
        body->set("reasons", reasons);
    }
    return body;
}

}  // namespace bhm::server
