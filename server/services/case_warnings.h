// Warnings in the answer to a new application (issue 12): a second device of a category the patient already
// has on loan is allowed, but the caseworker is told. The rule is shared/cases/second_application.h.
#pragma once

#include "server/services/actor.h"
#include "shared/cases/second_application.h"

namespace bhm::server {

// Warnings for the newly created case `c` (its own loans are none yet).
std::vector<Warning> application_warnings(db::Transaction& tx, const db::Case& c);

}  // namespace bhm::server
