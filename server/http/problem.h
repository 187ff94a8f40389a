// Refusals and errors as RFC 9457 problem details. Services throw bhm::Refused with a kind
// (shared/core/refusal.h, which this header brings in with refuse, not_found, forbidden); the HTTP
// layer and the routes throw ApiError with a status. error_mapping.h turns either into the one
// problem+json answer, and the Store's transaction rolls back on the way out, so a refused command
// changes nothing.
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

// The service-side refusals (shared/core/refusal.h), and, for code not yet converted to a kind, the
// old form with an HTTP status, which throws ApiError. Transitional: services use the kind.
using bhm::refuse;
using bhm::refuse_all;
[[noreturn]] void refuse(const Refusal& refusal, int status);
[[noreturn]] void refuse_all(const std::vector<Refusal>& refusals, int status);

std::string status_title(int status);
Poco::JSON::Object::Ptr problem_body(const ApiError& error);

}  // namespace bhm::server
