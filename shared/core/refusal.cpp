// Throwing refusals, with the wording of the common ones in one place.
#include "shared/core/refusal.h"

namespace bhm {

void refuse(const Refusal& refusal, RefusalKind kind) { throw Refused(kind, refusal); }

void refuse(RefusalKind kind, std::string code, std::string message, std::string rule) {
    throw Refused(kind, Refusal{std::move(code), std::move(message), std::move(rule)});
}

void refuse_all(const std::vector<Refusal>& refusals, RefusalKind kind) {
    if (refusals.empty()) refuse(Refusal{"refused", "Refused.", ""}, kind);
    throw Refused(kind, refusals.front(), refusals);
}

void not_found(std::string what) { refuse(RefusalKind::not_found, "not_found", std::move(what) + " was not found in your unit."); }
void forbidden(std::string message) { refuse(RefusalKind::forbidden, "forbidden", std::move(message)); }
void bad_input(std::string code, std::string message) { refuse(RefusalKind::bad_input, std::move(code), std::move(message)); }

}  // namespace bhm
