// The order rules in one place: rule 8 first (who pays), then the category, then the delivery timing.
#include "shared/consumables/consumable_order.h"

namespace bhm {

std::optional<Refusal> order_line_refusal(const OrderLineFacts& facts) {
    if (facts.own_equipment)
        return Refusal{"own_equipment", "The patient uses the institution's own equipment; the specialist health "
                                        "service has no economic responsibility for its consumables.",
                       "Prosedyre pkt. 9"};
    if (facts.case_status != CaseStatus::approved && facts.case_status != CaseStatus::delivered)
        return Refusal{"case_not_approved", "Consumables are ordered only for an approved case; this case is " +
                                                to_string(facts.case_status) + ".", ""};
    if (facts.payer == Payer::municipality)
        return Refusal{"municipality_pays", facts.item_name + " is not tied directly to the device: the municipality "
                                            "pays for it, and it is not ordered from the BHM unit.",
                       rule_8_source};
    if (!belongs_to_category(facts.item_categories, facts.case_category))
        return Refusal{"item_not_for_category", facts.item_name + " does not belong to the case's device category (" +
                                                    facts.case_category + ").", rule_8_source};
    return std::nullopt;
}

std::optional<Refusal> order_delivery_refusal(std::optional<Timestamp> case_delivered_at, Timestamp at) {
    if (!case_delivered_at || *case_delivered_at > at)
        return Refusal{"device_not_delivered", "Consumables go out with the device or after it; the case's device "
                                               "has not been delivered yet.", ""};
    return std::nullopt;
}

std::optional<Refusal> pick_quantity_refusal(int wanted, int still_needed, int in_lot, const std::string& lot) {
    if (still_needed <= 0)
        return Refusal{"line_complete", "This order line has been picked in full already.", ""};
    if (wanted > still_needed)
        return Refusal{"pick_exceeds_order", "The order needs only " + std::to_string(still_needed) + " more.", ""};
    if (wanted > in_lot)
        return Refusal{"lot_short", "Lot " + lot + " holds only " + std::to_string(in_lot) + " in this warehouse.", ""};
    return std::nullopt;
}

}  // namespace bhm
