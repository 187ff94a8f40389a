// One mapping from whatever a command threw to the problem it answers: a service's refusal by its
// kind (the one place a kind becomes a status: refused 422, conflict 409, not found 404, bad input
// 400, forbidden 403, too large 413), an ApiError as it is, lost races and taken keys as 409,
// malformed requests as 400, anything else as a logged 500. The request pipeline, the scan service's
// kept answers and each scan of a batch all use it.
#pragma once

#include <exception>
#include <string>

#include "server/http/problem.h"

namespace bhm::server {

// The HTTP status for a kind of refusal.
int status_for(RefusalKind kind);
// A service's refusal as the problem it answers.
ApiError api_error_for(const Refused& refused);

// `where` names the request or scan in the log line of an internal error (never its body).
ApiError api_error_for(std::exception_ptr error, const std::string& where);

// Log values are the caller's text: control characters and spaces would let a request forge
// log lines or fields, so they are escaped.
std::string log_safe(const std::string& text);

}  // namespace bhm::server
