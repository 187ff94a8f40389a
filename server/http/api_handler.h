// The one Poco request handler: caps and reads the body, routes, authenticates,
// checks the role, runs the route, and turns every failure into problem+json.
// Logs one key=value line per request, never bodies (they may hold patient data).
#pragma once

#include <Poco/Net/HTTPRequestHandlerFactory.h>

#include "server/auth/authenticator.h"
#include "server/clock.h"
#include "server/http/router.h"

namespace bhm::server {

constexpr std::size_t max_body_bytes = 1 << 20;   // 1 MiB: a full scan batch fits many times over

class ApiHandlerFactory : public Poco::Net::HTTPRequestHandlerFactory {
public:
    ApiHandlerFactory(const Router& router, Authenticator& auth, const Clock& clock)
        : router_(router), auth_(auth), clock_(clock) {}
    Poco::Net::HTTPRequestHandler* createRequestHandler(const Poco::Net::HTTPServerRequest& request) override;

private:
    const Router& router_;
    Authenticator& auth_;
    const Clock& clock_;
};

}  // namespace bhm::server
