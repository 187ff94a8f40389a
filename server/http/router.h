// The route table: method + path pattern → handler, with who may call it.
// The same table answers /api/v1/openapi.json, so the document cannot drift
// from what the server really serves.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/http/exchange.h"

namespace bhm::server {

enum class Access {
    open,        // no token (health, login)
    user,        // a logged-in user with one of `roles` (empty = any role)
    scanning,    // a logged-in user with one of `roles`, or a scan station
};

struct Route {
    std::string method;
    std::string pattern;                  // "/api/v1/devices/{id}/history"
    Access access = Access::user;
    std::vector<std::string> roles;       // empty: every role
    std::string summary;                  // one line, for the OpenAPI document
    std::string body_example;             // JSON example of the request body, "" if none
    std::function<Response(Request&)> handler;
};

class Router {
public:
    void add(Route route);
    // The route for method + path, filling request params; throws 404 / 405 problems.
    const Route& match(const std::string& method, const std::string& path,
                       std::map<std::string, std::string>& params) const;
    const std::vector<Route>& routes() const { return routes_; }

private:
    std::vector<Route> routes_;
};

}  // namespace bhm::server
