// A refusal: the domain's answer when a rule says no. Every rule in shared/ returns one
// of these instead of throwing, so the edges (HTTP, scanner) can show why, and cite where from.
// A service that must stop a command throws it as `Refused`, with a kind; only server/http
// (error_mapping.h) turns the kind into a status code, so services know no HTTP.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace bhm {

struct Refusal {
    std::string code;     // stable snake_case, e.g. "site_check_missing"
    std::string message;  // one plain sentence a warehouse worker understands
    std::string rule;     // source: "FOR-2013-11-29-1373 § 9, jf. § 16", "Prosedyre pkt. 11", or ""
};

// What sort of no it is, so each edge can answer in its own terms.
enum class RefusalKind {
    refused,     // a rule says no in the current state (HTTP 422)
    conflict,    // the state changed or clashes: a taken key, a lost race, already done (409)
    not_found,   // no such record in the caller's unit (404)
    bad_input,   // the command itself is malformed or out of range (400)
    forbidden,   // the caller's role may not do this (403)
    too_large,   // more items than one command takes (413)
};

// A command stopped by a refusal. Thrown by services; the store's transaction rolls back on the way out.
struct Refused : std::runtime_error {
    Refused(RefusalKind kind, Refusal refusal, std::vector<Refusal> all = {})
        : std::runtime_error(refusal.message), kind(kind), refusal(std::move(refusal)), all(std::move(all)) {}
    RefusalKind kind;
    Refusal refusal;
    std::vector<Refusal> all;   // every failing reason, where a check reports several
};

[[noreturn]] void refuse(const Refusal& refusal, RefusalKind kind = RefusalKind::refused);
[[noreturn]] void refuse(RefusalKind kind, std::string code, std::string message, std::string rule = "");
// The first refusal leads; all of them are listed.
[[noreturn]] void refuse_all(const std::vector<Refusal>& refusals, RefusalKind kind = RefusalKind::refused);
[[noreturn]] void not_found(std::string what);   // "<what> was not found in your unit."
[[noreturn]] void forbidden(std::string message);
[[noreturn]] void bad_input(std::string code, std::string message);

}  // namespace bhm
