// Refusals and errors as RFC 9457 problem details. A service throws ApiError;
// the one HTTP handler turns it into application/problem+json, and the Store's
// transaction rolls back on the way out, so a refused command changes nothing.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"

namespace bhm::server {

struct ApiError : std::runtime_error {
    ApiError(int status, Refusal refusal, std::vector<Refusal> more = {})
        : std::runtime_error(refusal.message), status(status), refusal(std::move(refusal)), all(std::move(more)) {}
    int status;
    Refusal refusal;
    std::map<std::string, std::string> headers;   // e.g. Allow on a 405
    std::vector<Refusal> all;   // every failing reason, where a check reports several
};

[[noreturn]] void fail(int status, std::string code, std::string message, std::string rule = "");
[[noreturn]] inline void bad_request(std::string code, std::string message) { fail(400, std::move(code), std::move(message)); }
[[noreturn]] inline void not_found(std::string what) { fail(404, "not_found", std::move(what) + " was not found in your unit."); }
[[noreturn]] inline void forbidden(std::string message) { fail(403, "forbidden", std::move(message)); }
// A domain refusal: 422 by default, 409 where the domain state conflicts.
[[noreturn]] void refuse(const Refusal& refusal, int status = 422);
[[noreturn]] void refuse_all(const std::vector<Refusal>& refusals, int status = 422);

std::string status_title(int status);
Poco::JSON::Object::Ptr problem_body(const ApiError& error);

}  // namespace bhm::server
