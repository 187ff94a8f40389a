// The national bench store on disk: built once by the generator (national_plan.h's shape, written with
// bulk_writer.h) on a schema made by the real migrations, and cached under /tmp/bhm-bench-national so
// that only the first bench run pays for it.
#pragma once

#include <string>

#include "national_plan.h"
#include "shared/core/date.h"

namespace bhm::bench {

// Every unit has one manager, "leder.<unit code in lower case>", with this password.
inline constexpr const char* national_password = "bench-national";
std::string national_manager(const std::string& unit_code);

// /tmp/bhm-bench-national/national-schema-<latest migration>-gen<N>.db (with "-scale<F>" below scale 1).
std::string national_store_path(double scale);

// Writes a fresh store for `plan` at `path` (an existing file there is replaced): schema by the embedded
// migrations, then the organisation, catalogue, devices, patients, cases, loans, service orders, one field
// safety notice and the event log, dated around `now`. `password_hash` is stored for every user.
void build_national_store(const std::string& path, const NationalPlan& plan, const std::string& password_hash,
                          Timestamp now);

// The cached store for `scale`, built first when it is missing or `rebuild` is set. Returns its path.
std::string national_store(double scale, bool rebuild, const std::string& password_hash, Timestamp now);

}  // namespace bhm::bench
