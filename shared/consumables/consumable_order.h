// Ordering consumables for a case: an order belongs to an approved (or delivered) case and its category,
// and holds only consumables tied to that category's device, which the BHM unit pays for (rule 8).
// It is delivered with the device or after it, never before the case's delivery.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "shared/cases/case_flow.h"
#include "shared/consumables/consumable_item.h"
#include "shared/core/date.h"
#include "shared/core/refusal.h"

namespace bhm {

inline constexpr const char* rule_8_source = "Prosedyre pkt. 8";

struct OrderLineFacts {
    CaseStatus case_status = CaseStatus::applied;
    std::string case_category;
    bool own_equipment = false;                // palliative exception: not ours, no costs of ours
    std::string item_name;
    Payer payer = Payer::device_tied;
    std::vector<std::string> item_categories;
};

// Why this item may not be ordered for this case, or nothing.
std::optional<Refusal> order_line_refusal(const OrderLineFacts& facts);

// The order may go out now only when the case's device has been delivered (at or before `at`).
std::optional<Refusal> order_delivery_refusal(std::optional<Timestamp> case_delivered_at, Timestamp at);

// A pick may take at most what the line still needs and what the lot holds.
std::optional<Refusal> pick_quantity_refusal(int wanted, int still_needed, int in_lot, const std::string& lot);

}  // namespace bhm
