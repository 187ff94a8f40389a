// Request pipeline: read (capped) → route → authenticate → authorise → handle → answer.
#include "server/http/api_handler.h"

#include <Poco/Logger.h>
#include <Poco/Net/HTTPRequestHandler.h>
#include <Poco/Net/HTTPServerRequest.h>
#include <Poco/Net/HTTPServerResponse.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>
#include <sstream>

#include "server/http/error_mapping.h"
#include "server/http/problem.h"

namespace bhm::server {
namespace {

std::string read_body(Poco::Net::HTTPServerRequest& request) {
    if (request.hasContentLength() && request.getContentLength64() > static_cast<std::int64_t>(max_body_bytes))
        fail(413, "body_too_large", "The body is larger than " + std::to_string(max_body_bytes) + " bytes.");
    std::string body;
    std::istream& in = request.stream();
    char buffer[8192];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        body.append(buffer, static_cast<std::size_t>(in.gcount()));
        if (body.size() > max_body_bytes)
            fail(413, "body_too_large", "The body is larger than " + std::to_string(max_body_bytes) + " bytes.");
    }
    return body;
}

std::string bearer(const Poco::Net::HTTPServerRequest& request) {
    const std::string header = request.get("Authorization", "");
    // The scheme name is case-insensitive (RFC 9110 § 11.1).
    const std::string prefix = "bearer ";
    if (header.size() <= prefix.size() || Poco::icompare(header.substr(0, prefix.size()), prefix) != 0) return "";
    return Poco::trim(header.substr(prefix.size()));
}

void authorise(const Route& route, const Caller& caller) {
    if (route.access == Access::open) return;
    if (caller.kind == Caller::Kind::anonymous)
        fail(401, "not_authenticated", "Log in first: send 'Authorization: Bearer <token>'.");
    if (caller.kind == Caller::Kind::station) {
        if (route.access != Access::scanning) forbidden("A scan station token is good for the scan endpoints only.");
        return;
    }
    if (!route.roles.empty() && std::find(route.roles.begin(), route.roles.end(), caller.role) == route.roles.end())
        forbidden("Your role (" + caller.role + ") may not do this.");
}

class ApiHandler : public Poco::Net::HTTPRequestHandler {
public:
    ApiHandler(const Router& router, Authenticator& auth, const Clock& clock)
        : router_(router), auth_(auth), clock_(clock) {}

    void handleRequest(Poco::Net::HTTPServerRequest& http, Poco::Net::HTTPServerResponse& out) override {
        const auto started = std::chrono::steady_clock::now();
        Request request;
        Response response;
        try {
            Poco::URI uri(http.getURI());
            request.method = http.getMethod();
            request.path = uri.getPath();
            for (const auto& [key, value] : uri.getQueryParameters()) request.query[key] = value;
            request.body = read_body(http);
            const Route& route = router_.match(request.method, request.path, request.params);
            if (route.access != Access::open) {
                if (auto caller = auth_.authenticate(bearer(http), clock_.now())) request.caller = *caller;
            }
            authorise(route, request.caller);
            response = route.handler(request);
        } catch (...) {
            response = problem(api_error_for(std::current_exception(), request.method + " " + request.path));
        }
        send(out, response);
        const auto ms = std::chrono::duration_cast<std::chrono::microseconds>(
                            std::chrono::steady_clock::now() - started).count() / 1000.0;
        Poco::Logger::get("bhm.http").information("method=%s path=%s status=%d ms=%.1f actor=%s unit=%s",
            log_safe(request.method), log_safe(request.path), response.status, ms,
            request.caller.kind == Caller::Kind::anonymous ? std::string("-") : log_safe(request.caller.actor()),
            std::to_string(request.caller.unit_id));
    }

private:
    static Response problem(const ApiError& e) {
        Response r = Response::json(problem_body(e), e.status);
        r.content_type = "application/problem+json";
        r.headers.insert(e.headers.begin(), e.headers.end());
        return r;
    }

    static void send(Poco::Net::HTTPServerResponse& out, const Response& response) {
        const auto status = static_cast<Poco::Net::HTTPResponse::HTTPStatus>(response.status);
        out.setStatusAndReason(status, Poco::Net::HTTPResponse::getReasonForStatus(status));
        out.setContentType(response.content_type);
        out.set("Cache-Control", "no-store");
        out.set("X-Content-Type-Options", "nosniff");
        if (response.status == 413) out.setKeepAlive(false);   // the rest of the body was not read
        for (const auto& [k, v] : response.headers) out.set(k, v);
        out.setContentLength64(static_cast<Poco::Int64>(response.body.size()));
        out.send().write(response.body.data(), static_cast<std::streamsize>(response.body.size()));
    }

    const Router& router_;
    Authenticator& auth_;
    const Clock& clock_;
};

}  // namespace

Poco::Net::HTTPRequestHandler* ApiHandlerFactory::createRequestHandler(const Poco::Net::HTTPServerRequest&) {
    return new ApiHandler(router_, auth_, clock_);
}

}  // namespace bhm::server
