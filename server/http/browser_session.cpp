// Session cookie parsing and the CSRF check (OWASP: synchronizer token, or a same-origin Origin header).
#include "server/http/browser_session.h"

#include <Poco/String.h>

#include "server/http/problem.h"

namespace bhm::server {

std::string session_cookie(const Request& request) {
    const std::string header = request.header("cookie").value_or("");
    const std::string key = std::string(session_cookie_name) + "=";
    std::size_t start = 0;
    while (start < header.size()) {
        auto end = header.find(';', start);
        if (end == std::string::npos) end = header.size();
        const std::string pair = Poco::trim(header.substr(start, end - start));
        if (pair.rfind(key, 0) == 0) return pair.substr(key.size());
        start = end + 1;
    }
    return "";
}

std::string set_session_cookie(const std::string& token, long long max_age_seconds, bool secure) {
    return std::string(session_cookie_name) + "=" + token + "; Max-Age=" + std::to_string(max_age_seconds) +
           "; Path=/; HttpOnly; SameSite=Strict" + (secure ? "; Secure" : "");
}

std::string clear_session_cookie(bool secure) { return set_session_cookie("", 0, secure); }

void check_csrf(const Request& request) {
    if (request.caller.csrf_token.empty()) return;   // not signed in by cookie: a bearer token is no ambient credential
    if (request.method == "GET" || request.method == "HEAD") return;
    if (request.header("x-csrf-token") == request.caller.csrf_token) return;
    const auto origin = request.header("origin");
    const auto host = request.header("host");
    if (origin && host && (*origin == "http://" + *host || *origin == "https://" + *host)) return;
    fail(403, "csrf_refused",
         "A signed-in browser's change must come from this server's own pages (the X-CSRF-Token header or a "
         "matching Origin is missing).");
}

}  // namespace bhm::server
