// The API behind the reactor: routes each whole request, authenticates the bearer token, checks
// the role, runs the route, and turns every failure into problem+json. screen() does the first
// three before a body is read. Logs one key=value line per request, never bodies (patient data).
#pragma once

#include "server/auth/authenticator.h"
#include "server/clock.h"
#include "server/http/http_server.h"
#include "server/http/router.h"

namespace bhm::server {

class ApiPipeline : public HttpHandler {
public:
    ApiPipeline(const Router& router, Authenticator& auth, const Clock& clock)
        : router_(router), auth_(auth), clock_(clock) {}

    std::variant<Caller, Response> screen(const RequestHead& head, const std::string& peer) override;
    Response handle(const RequestHead& head, std::string body, const std::optional<Caller>& screened,
                    const std::string& peer) override;

private:
    // The route, its params, and the caller allowed to use it; throws ApiError (404, 405, 401, 403).
    const Route& admit(Request& request, const std::optional<Caller>& screened);
    void log(const Request& request, int status, double ms) const;

    const Router& router_;
    Authenticator& auth_;
    const Clock& clock_;
};

}  // namespace bhm::server
