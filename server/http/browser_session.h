// The browser's side of sign-in: the session cookie (HttpOnly, SameSite=Strict, Path=/, Secure
// when served over TLS) and the CSRF check every cookie-authenticated write must pass: the
// X-CSRF-Token header echoes the session's token, or the Origin header is this server's own.
#pragma once

#include <string>

#include "server/http/exchange.h"

namespace bhm::server {

constexpr const char* session_cookie_name = "bhm_session";

// The session cookie's token from the Cookie header; "" when there is none.
std::string session_cookie(const Request& request);
// Set-Cookie values that start and end a session.
std::string set_session_cookie(const std::string& token, long long max_age_seconds, bool secure);
std::string clear_session_cookie(bool secure);
// Throws 403 csrf_refused for a write by a cookie-authenticated caller that passes neither check.
void check_csrf(const Request& request);

}  // namespace bhm::server
