// Copies shared/'s reference categories into the Store at open, so that a changed rule in
// shared/catalogue/category.cpp reaches the database on the next start without a migration.
#include "db/reference_data.h"

#include "shared/catalogue/category.h"

namespace bhm::db {

void seed_reference_categories(Transaction& transaction) {
    for (const CategoryRules& rules : reference_categories()) {
        Category category;
        category.code = rules.code;
        category.name = rules.name;
        category.name_no = rules.name_no;
        category.site_check_required = rules.site_check_required;
        category.electrical = rules.electrical;
        category.inspection_interval_months = rules.inspection_interval_months;
        category.default_loan_days = rules.default_loan_days;
        transaction.upsert_category(category, rules.consumables);
    }
}

}  // namespace bhm::db
