// The reference consumables, one table: what the unit sends with each kind of device, and the items
// that go with it but that the municipality pays for (rule 8), so both sides of the rule are in the data.
#include "shared/consumables/consumable_item.h"

#include <algorithm>

namespace bhm {

std::string to_string(Payer payer) { return payer == Payer::device_tied ? "device_tied" : "municipality"; }

std::optional<Payer> parse_payer(std::string_view text) {
    if (text == "device_tied") return Payer::device_tied;
    if (text == "municipality") return Payer::municipality;
    return std::nullopt;
}

const std::vector<ConsumableItemRules>& reference_consumables() {
    // gtin, name, unit of issue, price in øre, categories, payer
    static const std::vector<ConsumableItemRules> items{
        {"07090012001006", "Full face CPAP mask, size M", "each", 189000, {"cpap", "bipap"}, Payer::device_tied},
        {"07090012001013", "Nasal CPAP mask, size M", "each", 142000, {"cpap", "bipap"}, Payer::device_tied},
        {"07090012001020", "Heated CPAP tubing 1.8 m", "each", 39500, {"cpap", "bipap"}, Payer::device_tied},
        {"07090012001037", "Hypoallergenic CPAP air filter, 2 pcs", "pack of 2", 9800, {"cpap", "bipap"}, Payer::device_tied},
        {"07090012001044", "Humidifier water chamber", "each", 45000, {"cpap", "bipap", "home_ventilator"}, Payer::device_tied},
        {"07090012001051", "Mask cleaning wipes, 62 pcs", "tub of 62", 8900, {"cpap", "bipap"}, Payer::municipality},
        {"07090012001068", "Soft nasal oxygen cannula, 2.1 m", "each", 1450, {"oxygen_concentrator"}, Payer::device_tied},
        {"07090012001075", "Oxygen mask with 2.1 m tubing, adult", "each", 2200, {"oxygen_concentrator"}, Payer::device_tied},
        {"07090012001082", "Oxygen extension tubing 7.6 m", "each", 3100, {"oxygen_concentrator"}, Payer::device_tied},
        {"07090012001099", "Bubble humidifier bottle 350 ml", "each", 6400, {"oxygen_concentrator"}, Payer::device_tied},
        {"07090012001105", "Concentrator inlet filter", "each", 7900, {"oxygen_concentrator"}, Payer::device_tied},
        {"07090012001112", "Water-based nasal moisturising gel 50 g", "tube", 5900, {"oxygen_concentrator"}, Payer::municipality},
        {"07090012001129", "Single-limb ventilator circuit with exhalation valve", "each", 52000, {"home_ventilator"}, Payer::device_tied},
        {"07090012001136", "Bacterial/viral filter", "each", 4200, {"home_ventilator", "cough_assist"}, Payer::device_tied},
        {"07090012001143", "Heat and moisture exchanger", "each", 3600, {"home_ventilator"}, Payer::device_tied},
        {"07090012001150", "Non-vented full face ventilation mask, size M", "each", 215000, {"home_ventilator"}, Payer::device_tied},
        {"07090012001167", "Cough assist patient circuit", "each", 48000, {"cough_assist"}, Payer::device_tied},
        {"07090012001174", "Cough assist face mask, adult", "each", 18500, {"cough_assist"}, Payer::device_tied},
        {"07090012001181", "Nebulizer cup kit with tubing", "each", 9500, {"nebulizer"}, Payer::device_tied},
        {"07090012001198", "Nebulizer mouthpiece", "each", 1900, {"nebulizer"}, Payer::device_tied},
        {"07090012001204", "Nebulizer mask, adult", "each", 2600, {"nebulizer"}, Payer::device_tied},
        {"07090012001211", "Compressor air filter, 5 pcs", "pack of 5", 4500, {"nebulizer"}, Payer::device_tied},
        {"07090012001228", "Sodium chloride 9 mg/ml, 2.5 ml ampoules, 20 pcs", "box of 20", 7400, {"nebulizer"}, Payer::municipality},
        {"07090012001235", "Suction catheter CH14, sterile, 50 pcs", "box of 50", 34500, {"suction"}, Payer::device_tied},
        {"07090012001242", "Suction canister liner 1000 ml, 10 pcs", "box of 10", 28900, {"suction"}, Payer::device_tied},
        {"07090012001259", "Suction connecting tubing 1.8 m", "each", 2900, {"suction"}, Payer::device_tied},
        {"07090012001266", "Suction overflow filter", "each", 5200, {"suction"}, Payer::device_tied},
        {"07090012001273", "Nitrile examination gloves, M, 100 pcs", "box of 100", 8900, {"suction", "infusion_pump"}, Payer::municipality},
        {"07090012001280", "Infusion pump administration set with anti-siphon valve", "each", 8800, {"infusion_pump"}, Payer::device_tied},
        {"07090012001297", "Medication cassette reservoir 100 ml", "each", 14500, {"infusion_pump"}, Payer::device_tied},
        {"07090012001303", "Ambulatory pump carry bag", "each", 29000, {"infusion_pump"}, Payer::device_tied},
        {"07090012001310", "Insulin infusion set 6 mm / 60 cm, 10 pcs", "box of 10", 89000, {"insulin_pump"}, Payer::device_tied},
        {"07090012001327", "Insulin pump reservoir 3 ml, 10 pcs", "box of 10", 32000, {"insulin_pump"}, Payer::device_tied},
        {"07090012001334", "AA lithium battery for insulin pump, 4 pcs", "pack of 4", 6900, {"insulin_pump"}, Payer::device_tied},
        {"07090012001341", "Skin preparation wipes, 50 pcs", "box of 50", 9900, {"insulin_pump", "tens"}, Payer::municipality},
        {"07090012001358", "TENS electrodes 50 x 50 mm, 4 pcs", "pack of 4", 7900, {"tens"}, Payer::device_tied},
        {"07090012001365", "TENS lead wires, pair", "pair", 12500, {"tens"}, Payer::device_tied},
        {"07090012001372", "Cotton liner for compression garment", "each", 14900, {"compression_garment"}, Payer::municipality},
        {"07090012001389", "Donning glove for compression garments, pair", "pair", 11900, {"compression_garment"}, Payer::municipality},
    };
    return items;
}

bool belongs_to_category(const std::vector<std::string>& item_categories, std::string_view category) {
    return std::find(item_categories.begin(), item_categories.end(), category) != item_categories.end();
}

}  // namespace bhm
