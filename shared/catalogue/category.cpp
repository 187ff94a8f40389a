// The reference device categories, as data. Site check follows FOR-2013-11-29-1373 § 9 for mains-powered
// devices used at home; inspection intervals and review periods live here only: the store copies them at every start.
#include "shared/catalogue/category.h"

#include <algorithm>

namespace bhm {

const std::vector<CategoryRules>& reference_categories() {
    // code, name, name_no, site check, electrical, inspection months, default loan days, tied consumables
    static const std::vector<CategoryRules> categories{
        {"oxygen_concentrator", "Oxygen concentrator", "Oksygenkonsentrator", true, true, 12, 365,
         {"nasal_cannula", "oxygen_mask", "oxygen_tubing", "humidifier_bottle", "concentrator_filter"}},
        {"cpap", "CPAP", "CPAP", true, true, 12, 365,
         {"cpap_mask", "cpap_tubing", "cpap_filter", "humidifier_chamber"}},
        {"bipap", "BiPAP", "BiPAP", true, true, 12, 365,
         {"bipap_mask", "bipap_tubing", "bipap_filter", "humidifier_chamber"}},
        {"home_ventilator", "Home ventilator", "Hjemmerespirator", true, true, 6, 365,
         {"ventilator_circuit", "bacterial_filter", "heat_moisture_exchanger", "ventilator_mask", "humidifier_chamber"}},
        {"cough_assist", "Cough assist", "Hostemaskin", true, true, 12, 365,
         {"cough_assist_circuit", "cough_assist_mask", "bacterial_filter"}},
        {"nebulizer", "Nebulizer", "Forstøver", true, true, 12, 365,
         {"nebulizer_kit", "nebulizer_mouthpiece", "nebulizer_mask", "nebulizer_filter"}},
        {"suction", "Suction device", "Sugeapparat", true, true, 12, 365,
         {"suction_catheter", "suction_canister", "suction_tubing", "suction_filter"}},
        // Ambulatory pumps run on batteries at the patient; no site check of the electrical installation.
        {"infusion_pump", "Infusion pump", "Infusjonspumpe", false, true, 12, 365,
         {"infusion_set", "medication_cassette", "pump_bag"}},
        {"insulin_pump", "Insulin pump", "Insulinpumpe", false, true, 12, 365,
         {"insulin_infusion_set", "insulin_reservoir", "pump_battery"}},
        {"tens", "TENS device", "TENS-apparat", false, true, 12, 90, {"tens_electrodes", "tens_lead_wires"}},
        // A garment has no electrical parts: no site check, no electrical-safety inspection.
        {"compression_garment", "Compression garment", "Kompresjonsplagg", false, false, 0, 180, {}},
    };
    return categories;
}

const CategoryRules* find_category(std::string_view code) {
    const auto& categories = reference_categories();
    auto found = std::find_if(categories.begin(), categories.end(),
                              [code](const CategoryRules& category) { return category.code == code; });
    return found == categories.end() ? nullptr : &*found;
}

bool consumable_paid_by_unit(const CategoryRules& category, std::string_view consumable) {
    return std::find(category.consumables.begin(), category.consumables.end(), consumable) !=
           category.consumables.end();
}

}  // namespace bhm
