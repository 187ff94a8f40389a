// A Response as the bytes that go on the wire: status line with its reason phrase, the headers
// every answer carries (no caching of patient data, no sniffing), the length, and the body.
// Also the problem+json answers the connection layer gives on its own (framing, overload, timeout).
#pragma once

#include <string>

#include "server/http/exchange.h"
#include "server/http/problem.h"

namespace bhm::server {

// `keep_alive` false adds "Connection: close"; `http10_keep_alive` answers an HTTP/1.0 client that
// asked to keep the connection. `head_only` leaves the body out (a HEAD request).
std::string wire_response(const Response& response, bool keep_alive, bool http10_keep_alive = false,
                          bool head_only = false);

// An ApiError as its problem+json Response (the extra headers, e.g. Allow, included).
Response problem_response(const ApiError& error);
Response problem_response(int status, std::string code, std::string detail);

}  // namespace bhm::server
