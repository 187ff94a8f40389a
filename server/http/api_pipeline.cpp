// Request pipeline: route → authenticate → authorise → handle → answer, for whole requests.
#include "server/http/api_pipeline.h"

#include <Poco/Logger.h>
#include <Poco/String.h>
#include <Poco/URI.h>

#include <algorithm>
#include <chrono>

#include "server/http/browser_session.h"
#include "server/http/error_mapping.h"
#include "server/http/problem.h"
#include "server/http/wire_response.h"

namespace bhm::server {
namespace {

std::string bearer(const Request& request) {
    const std::string header = request.header("authorization").value_or("");
    // The scheme name is case-insensitive (RFC 9110 § 11.1).
    const std::string prefix = "bearer ";
    if (header.size() <= prefix.size() || Poco::icompare(header.substr(0, prefix.size()), prefix) != 0) return "";
    return Poco::trim(header.substr(prefix.size()));
}

void authorise(const Route& route, const Caller& caller) {
    if (route.access == Access::open) return;
    if (caller.kind == Caller::Kind::anonymous)
        fail(401, "not_authenticated", "Log in first: send 'Authorization: Bearer <token>', or sign in on the login page.");
    if (caller.kind == Caller::Kind::station) {
        if (route.access != Access::scanning) forbidden("A scan station token is good for the scan endpoints only.");
        return;
    }
    if (!route.roles.empty() && std::find(route.roles.begin(), route.roles.end(), caller.role) == route.roles.end())
        forbidden("Your role (" + caller.role + ") may not do this.");
}

// Method, path, query and headers of the head; throws 400 for a target that is not a URI.
void read_head(const RequestHead& head, const std::string& peer, Request& request) {
    request.method = head.method;
    request.peer = peer;
    for (const auto& [name, value] : head.fields) request.headers.emplace(name, value);
    Poco::URI uri(head.target);
    request.path = uri.getPath();
    for (const auto& [key, value] : uri.getQueryParameters()) request.query[key] = value;
}

double ms_since(std::chrono::steady_clock::time_point started) {
    return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - started).count() /
           1000.0;
}

}  // namespace

const Route& ApiPipeline::admit(Request& request, const std::optional<Caller>& screened) {
    const Route& route = router_.match(request.method, request.path, request.params);
    if (screened) {
        request.caller = *screened;
    } else if (route.access != Access::open) {
        // A bearer token (machines) wins; else a browser's session cookie.
        const std::string token = bearer(request);
        std::optional<Caller> caller = !token.empty() ? auth_.authenticate(token, clock_.now())
                                                      : auth_.authenticate_session(session_cookie(request), clock_.now());
        if (caller) request.caller = *caller;
    }
    authorise(route, request.caller);
    check_csrf(request);
    return route;
}

std::variant<Caller, Response> ApiPipeline::screen(const RequestHead& head, const std::string& peer) {
    const auto started = std::chrono::steady_clock::now();
    Request request;
    try {
        read_head(head, peer, request);
        admit(request, std::nullopt);
        return request.caller;
    } catch (...) {
        Response refused = problem_response(api_error_for(std::current_exception(), request.method + " " + request.path));
        log(request, refused.status, ms_since(started));
        return refused;
    }
}

Response ApiPipeline::handle(const RequestHead& head, std::string body, const std::optional<Caller>& screened,
                             const std::string& peer) {
    const auto started = std::chrono::steady_clock::now();
    Request request;
    Response response;
    try {
        read_head(head, peer, request);
        request.body = std::move(body);
        if (request.path.rfind("/api/", 0) != 0) {
            response = web_file(request);
        } else {
            const Route& route = admit(request, screened);
            response = route.handler(request);
        }
    } catch (...) {
        response = problem_response(api_error_for(std::current_exception(), request.method + " " + request.path));
    }
    log(request, response.status, ms_since(started));
    return response;
}

Response ApiPipeline::web_file(const Request& request) const {
    if (request.method != "GET" && request.method != "HEAD") {
        ApiError error(405, Refusal{"method_not_allowed", "Pages are read with GET, not " + request.method + ".", ""});
        error.headers["Allow"] = "GET, HEAD";
        throw error;
    }
    if (auto file = web_.get(request.path)) return *file;
    fail(404, "no_such_page", "There is no page at " + request.path + ".");
}

void ApiPipeline::log(const Request& request, int status, double ms) const {
    Poco::Logger::get("bhm.http").information("method=%s path=%s status=%d ms=%.1f actor=%s unit=%s",
        log_safe(request.method), log_safe(request.path), status, ms,
        request.caller.kind == Caller::Kind::anonymous ? std::string("-") : log_safe(request.caller.actor()),
        std::to_string(request.caller.unit_id));
}

}  // namespace bhm::server
