// A consumable in the catalogue: GTIN, name, unit of issue, price in øre, the device categories it goes
// with, and who pays for it (rule 8). The reference items every store starts with live here, as data.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bhm {

// Rule 8: consumables directly tied to the device are ordered from (and paid by) the BHM unit;
// every other consumable is paid by the municipality.
enum class Payer { device_tied, municipality };

std::string to_string(Payer payer);                       // "device_tied" | "municipality"
std::optional<Payer> parse_payer(std::string_view text);

struct ConsumableItemRules {
    std::string gtin;                      // GTIN-14
    std::string name;
    std::string unit_of_issue;             // "each", "box of 50", "pack of 4"...
    std::int64_t price_ore = 0;            // per unit of issue
    std::vector<std::string> categories;   // device category codes (shared/catalogue/category.h)
    Payer payer = Payer::device_tied;
};

// Real-looking reference items for every device category (GS1 prefix 709: made-up Norwegian GTINs).
const std::vector<ConsumableItemRules>& reference_consumables();

bool belongs_to_category(const std::vector<std::string>& item_categories, std::string_view category);

}  // namespace bhm
