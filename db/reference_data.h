// Reference data the Store keeps in step with shared/: the device categories and their tied
// consumables. shared/catalogue/category.cpp is the single source; the database holds a copy for joins.
#pragma once

#include "db/store.h"

namespace bhm::db {

// Upserts every reference_categories() entry and replaces its consumables. Idempotent.
void seed_reference_categories(Transaction& transaction);
// Adds every reference_consumables() item whose GTIN is missing (after the categories it names). Idempotent.
void seed_reference_consumables(ConsumableRecords& records);

}  // namespace bhm::db
