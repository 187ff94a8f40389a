// Versioned schema migrations: the embedded db/migrations/NNNN_name.sql files and the runner that
// applies, in version order and each in its own transaction, those not yet in schema_migrations.
#pragma once

#include <string>
#include <vector>

#include <Poco/Data/Session.h>

#include "shared/core/date.h"

namespace bhm::db {

struct Migration {
    int version = 0;
    std::string name;  // from the file name, e.g. "initial"
    std::string sql;   // the whole script
};

// The migrations compiled into the binary (generated from db/migrations/*.sql), sorted by version.
const std::vector<Migration>& embedded_migrations();

// Applies the given migrations that schema_migrations does not record yet, each in one
// BEGIN IMMEDIATE transaction (so two processes opening the same file apply each only once),
// and records (version, name, applied_at). Returns the versions it applied.
std::vector<int> apply_migrations(Poco::Data::Session& session, const std::vector<Migration>& migrations,
                                  Timestamp now);

}  // namespace bhm::db
