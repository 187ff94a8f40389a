// One mapping from whatever a command threw to the problem it answers: refusals as
// they are, lost races and taken keys as 409, malformed requests as 400, anything else
// as a logged 500. The request pipeline and each scan of a batch both use it.
#pragma once

#include <exception>
#include <string>

#include "server/http/problem.h"

namespace bhm::server {

// `where` names the request or scan in the log line of an internal error (never its body).
ApiError api_error_for(std::exception_ptr error, const std::string& where);

// Log values are the caller's text: control characters and spaces would let a request forge
// log lines or fields, so they are escaped.
std::string log_safe(const std::string& text);

}  // namespace bhm::server
