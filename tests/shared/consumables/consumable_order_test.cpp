// Ordering consumables for a case (rule 8, the category, the delivery timing, pick quantities).
#include <catch2/catch.hpp>

#include "shared/consumables/consumable_order.h"

using namespace bhm;

namespace {
OrderLineFacts cpap_mask_for_cpap_case() {
    return {CaseStatus::approved, "cpap", false, "Full face CPAP mask", Payer::device_tied, {"cpap", "bipap"}};
}
}

TEST_CASE("a device-tied item of the case's category may be ordered for an approved or delivered case") {
    auto facts = cpap_mask_for_cpap_case();
    CHECK_FALSE(order_line_refusal(facts));
    facts.case_status = CaseStatus::delivered;
    CHECK_FALSE(order_line_refusal(facts));
}

TEST_CASE("an order for a municipality-paid item is refused (rule 8)") {
    auto facts = cpap_mask_for_cpap_case();
    facts.payer = Payer::municipality;
    facts.item_name = "Mask cleaning wipes";
    auto refusal = order_line_refusal(facts);
    REQUIRE(refusal);
    CHECK(refusal->code == "municipality_pays");
    CHECK(refusal->rule == "Prosedyre pkt. 8");
    CHECK(refusal->message.find("municipality pays") != std::string::npos);
}

TEST_CASE("an item not of the case's category is refused") {
    auto facts = cpap_mask_for_cpap_case();
    facts.case_category = "oxygen_concentrator";
    CHECK(order_line_refusal(facts)->code == "item_not_for_category");
}

TEST_CASE("consumables are ordered only for an approved case, never for the institution's own equipment") {
    auto facts = cpap_mask_for_cpap_case();
    facts.case_status = CaseStatus::applied;
    CHECK(order_line_refusal(facts)->code == "case_not_approved");
    facts.case_status = CaseStatus::rejected;
    CHECK(order_line_refusal(facts)->code == "case_not_approved");
    facts = cpap_mask_for_cpap_case();
    facts.own_equipment = true;
    CHECK(order_line_refusal(facts)->code == "own_equipment");
}

TEST_CASE("an order is delivered with the device or after it, not before the case's delivery") {
    const Timestamp delivered{1'800'000'000};
    CHECK(order_delivery_refusal(std::nullopt, delivered)->code == "device_not_delivered");
    CHECK(order_delivery_refusal(Timestamp{delivered.unix_seconds + 1}, delivered)->code == "device_not_delivered");
    CHECK_FALSE(order_delivery_refusal(delivered, delivered));
    CHECK_FALSE(order_delivery_refusal(delivered, Timestamp{delivered.unix_seconds + 86400}));
}

TEST_CASE("a pick takes no more than the line still needs and the lot holds") {
    CHECK_FALSE(pick_quantity_refusal(2, 2, 5, "L1"));
    CHECK(pick_quantity_refusal(3, 2, 5, "L1")->code == "pick_exceeds_order");
    CHECK(pick_quantity_refusal(2, 2, 1, "L1")->code == "lot_short");
    CHECK(pick_quantity_refusal(1, 0, 5, "L1")->code == "line_complete");
}
