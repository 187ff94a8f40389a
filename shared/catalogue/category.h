// The reference device categories and the rules each carries: site check, electrical inspection,
// inspection interval, default loan period, tied consumables. The one place they live; the DB seeds from here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace bhm {

struct CategoryRules {
    std::string code;          // "oxygen_concentrator","cpap","bipap","home_ventilator","cough_assist","nebulizer",
                               // "suction","infusion_pump","insulin_pump","tens","compression_garment"
    std::string name;          // English
    std::string name_no;       // Norwegian UI name (e.g. "Oksygenkonsentrator")
    bool site_check_required;  // electrical-installation check of the site (FOR-2013-11-29-1373 § 9)
    bool electrical;           // false: no electrical-safety inspection applies
    int inspection_interval_months;        // 0 when not electrical
    int default_loan_days;                 // review period
    std::vector<std::string> consumables;  // consumables tied to the device (paid by the BHM unit, rule 8)
};

const std::vector<CategoryRules>& reference_categories();
const CategoryRules* find_category(std::string_view code);  // nullptr when unknown

// Rule 8: consumables tied to the device are ordered from (paid by) the BHM unit; others by the municipality.
bool consumable_paid_by_unit(const CategoryRules& category, std::string_view consumable);

}  // namespace bhm
