// What the demo set is made of: the four regions with one BHM unit each (UNN first), and the device
// models it stocks, one or two per category, with plausible IEC 62353 classes and prices in øre.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bhm::server::demo {

struct UnitPlan {
    std::string region_code, region_name;
    std::string unit_code, unit_name, warehouse_name;
    std::vector<std::string> municipalities;
    std::vector<std::string> institutions;  // nursing homes in the unit's area
    int stock_percent;                      // how much of the full device plan this unit holds
};

// UNN (Helse Nord) first, then OUS (Helse Sør-Øst), HUS (Helse Vest), STO (Helse Midt-Norge).
const std::vector<UnitPlan>& demo_units();

struct ModelPlan {
    int item;  // the item reference inside the fictitious GS1 company prefix
    std::string manufacturer, name, category;
    std::int64_t price_ore;
    std::string protection_class, applied_part;
    int stock;  // devices of this model at a unit with stock_percent 100
};

const std::vector<ModelPlan>& demo_models();

// The model's GTIN-14: indicator 0, the fictitious company prefix 709999, the item, the GS1 check digit.
std::string demo_gtin(int item);

// Shelf codes of a demo warehouse: A-01 ... C-04.
std::vector<std::string> demo_shelves();

}  // namespace bhm::server::demo
