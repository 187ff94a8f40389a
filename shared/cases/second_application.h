// A second application for a category the patient already has a device of on loan is not refused (a travel
// CPAP can be right), but the caseworker is warned in the answer so a duplicate is a choice, not a slip.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace bhm {

struct Warning {
    std::string code;      // stable snake_case
    std::string message;   // one plain sentence
};

// Code: same_category_on_loan. `categories_on_loan`: one entry per open loan of the patient.
std::optional<Warning> second_device_warning(const std::string& category,
                                             const std::vector<std::string>& categories_on_loan);

}  // namespace bhm
