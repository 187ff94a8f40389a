// The running test server's own database, for the few e2e steps the API cannot make: a stored date moved as
// time would move it, or a login in a unit the demo data gives no such user. Only the e2e tests link
// Poco::Data (the reliability tests share workflow_steps without it).
#pragma once

#include <string>

#include <Poco/Data/Session.h>

#include "api_client.h"

namespace bhm::e2e {

// The server's SQLite file; waits for the server's own writes.
Poco::Data::Session server_database(const ServerProcess& server);

// A login of `role` in unit `unit_id` (the demo has only warehouse2 outside UNN): made by UNN's admin with
// the demo password, then moved to that unit in the database, as that unit's own admin would have made it.
ApiClient user_in_unit(const ServerProcess& server, const std::string& username, const std::string& role,
                       long long unit_id);

}  // namespace bhm::e2e
