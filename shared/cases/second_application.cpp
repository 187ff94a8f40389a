// The warning for a second device of the same category.
#include "shared/cases/second_application.h"

#include <algorithm>

#include "shared/catalogue/category.h"

namespace bhm {

std::optional<Warning> second_device_warning(const std::string& category,
                                             const std::vector<std::string>& categories_on_loan) {
    const auto count = std::count(categories_on_loan.begin(), categories_on_loan.end(), category);
    if (count == 0) return std::nullopt;
    const CategoryRules* rules = find_category(category);
    const std::string name = rules ? rules->name : category;
    return Warning{"same_category_on_loan",
                   "The patient already has " + std::to_string(count) + " device(s) of the category " + name +
                       " on loan. Check that a second one is intended (for example a travel device)."};
}

}  // namespace bhm
