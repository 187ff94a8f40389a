// The reference consumables: valid GTINs, every device category covered, rule 8's payer on each item.
#include <catch2/catch.hpp>

#include <set>

#include "shared/barcode/gs1_check_digit.h"
#include "shared/catalogue/category.h"
#include "shared/consumables/consumable_item.h"

using namespace bhm;

TEST_CASE("every reference consumable has a GTIN-14 with a valid check digit, unique, and a price in øre") {
    std::set<std::string> seen;
    for (const auto& item : reference_consumables()) {
        INFO(item.name);
        REQUIRE(item.gtin.size() == 14);
        CHECK(barcode::gtin_check_digit_ok(item.gtin));
        CHECK(seen.insert(item.gtin).second);
        CHECK(item.price_ore > 0);
        CHECK_FALSE(item.unit_of_issue.empty());
        for (const auto& c : item.categories) CHECK(find_category(c) != nullptr);
    }
}

TEST_CASE("every device category has reference consumables, and each with tied consumables has a device-tied item") {
    for (const auto& category : reference_categories()) {
        INFO(category.code);
        bool any = false, tied = false;
        for (const auto& item : reference_consumables()) {
            if (!belongs_to_category(item.categories, category.code)) continue;
            any = true;
            tied = tied || item.payer == Payer::device_tied;
        }
        CHECK(any);
        CHECK(tied == !category.consumables.empty());
    }
}

TEST_CASE("the payer reads and writes as text, and nothing else parses") {
    CHECK(parse_payer(to_string(Payer::device_tied)) == Payer::device_tied);
    CHECK(parse_payer(to_string(Payer::municipality)) == Payer::municipality);
    CHECK_FALSE(parse_payer("unit").has_value());
}
