// The API behind the reactor: routes each whole request, authenticates the bearer token or the
// browser's session cookie (with its CSRF check), checks the role, runs the route, and turns every
// failure into problem+json; paths outside /api/ are the web pages. screen() does the checks
// before a body is read. Logs one key=value line per request, never bodies (patient data).
#pragma once

#include "server/auth/authenticator.h"
#include "server/clock.h"
#include "server/http/http_server.h"
#include "server/http/router.h"
#include "server/http/web_files.h"

namespace bhm::server {

class ApiPipeline : public HttpHandler {
public:
    ApiPipeline(const Router& router, Authenticator& auth, const Clock& clock, WebFiles web = WebFiles::embedded())
        : router_(router), auth_(auth), clock_(clock), web_(std::move(web)) {}

    std::variant<Caller, Response> screen(const RequestHead& head, const std::string& peer) override;
    Response handle(const RequestHead& head, std::string body, const std::optional<Caller>& screened,
                    const std::string& peer) override;

private:
    // The route, its params, and the caller allowed to use it; throws ApiError (404, 405, 401, 403).
    const Route& admit(Request& request, const std::optional<Caller>& screened);
    Response web_file(const Request& request) const;   // a page, or 404 / 405
    void log(const Request& request, int status, double ms) const;

    const Router& router_;
    Authenticator& auth_;
    const Clock& clock_;
    WebFiles web_;
};

}  // namespace bhm::server
