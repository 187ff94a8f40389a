// The yearly figures the national network asks for (DOMAIN.md, seed 003): per
// unit and device category, devices in use, new assignments, returns, loan
// durations, waiting times, device costs and consumable costs (unit-paid and municipality-paid, rule 8).
// Own equipment is never counted.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/services/actor.h"

namespace bhm::server {

Poco::JSON::Object::Ptr annual_report(db::Transaction& tx, const std::vector<db::Unit>& units, int year);

}  // namespace bhm::server
