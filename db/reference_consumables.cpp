// Copies shared/'s reference consumables into the Store at open: an item whose GTIN is not there yet is
// added with its categories; an item already there is left as it is (its price may have been changed).
#include "db/reference_data.h"

#include "shared/consumables/consumable_item.h"

namespace bhm::db {

void seed_reference_consumables(ConsumableRecords& records) {
    for (const ConsumableItemRules& rules : reference_consumables()) {
        if (records.consumable_item_by_gtin(rules.gtin)) continue;
        ConsumableItem item;
        item.gtin = rules.gtin;
        item.name = rules.name;
        item.unit_of_issue = rules.unit_of_issue;
        item.price_ore = rules.price_ore;
        item.payer = rules.payer;
        item.categories = rules.categories;
        records.insert_consumable_item(item);
    }
}

}  // namespace bhm::db
