// 308 Permanent Redirect keeps the method and body, unlike 301.
#include "server/http/https_redirect.h"

#include "server/http/wire_response.h"

namespace bhm::server {
namespace {

// "host:80" → "host", "[::1]:80" → "[::1]".
std::string host_without_port(const std::string& host) {
    if (!host.empty() && host.front() == '[') return host.substr(0, host.find(']') + 1);
    return host.substr(0, host.find(':'));
}

}  // namespace

Response HttpsRedirect::redirect(const RequestHead& head) const {
    const std::string host = host_without_port(head.field("host").value_or("127.0.0.1"));
    const std::string location =
        "https://" + (host.empty() ? "127.0.0.1" : host) + (https_port_ == 443 ? "" : ":" + std::to_string(https_port_)) +
        head.target;
    Response r = problem_response(308, "use_https", "This server answers on " + location.substr(0, location.find('/', 8)) + ".");
    r.headers["Location"] = location;
    return r;
}

std::variant<Caller, Response> HttpsRedirect::screen(const RequestHead& head, const std::string&) { return redirect(head); }

Response HttpsRedirect::handle(const RequestHead& head, std::string, const std::optional<Caller>&, const std::string&) {
    return redirect(head);
}

}  // namespace bhm::server
