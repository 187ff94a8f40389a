// Proves the reference categories carry the rules the procedure needs: site check for mains-powered home
// devices, no electrical inspection for garments, review periods, and who pays for which consumable.
#include <catch2/catch.hpp>

#include <set>

#include "shared/catalogue/category.h"

using namespace bhm;

TEST_CASE("every reference category has a unique code and both names") {
    std::set<std::string> codes;
    for (const auto& category : reference_categories()) {
        INFO(category.code);
        CHECK(codes.insert(category.code).second);
        CHECK_FALSE(category.name.empty());
        CHECK_FALSE(category.name_no.empty());
        CHECK(category.default_loan_days > 0);
        CHECK((category.electrical ? category.inspection_interval_months > 0
                                   : category.inspection_interval_months == 0));
    }
    CHECK(codes == std::set<std::string>{"oxygen_concentrator", "cpap", "bipap", "home_ventilator", "cough_assist",
                                         "nebulizer", "suction", "infusion_pump", "insulin_pump", "tens",
                                         "compression_garment"});
}

TEST_CASE("mains-powered home devices need a site check of the electrical installation") {
    for (const char* code : {"oxygen_concentrator", "cpap", "bipap", "home_ventilator", "cough_assist", "suction",
                             "nebulizer"}) {
        INFO(code);
        REQUIRE(find_category(code));
        CHECK(find_category(code)->site_check_required);
    }
    for (const char* code : {"tens", "insulin_pump", "infusion_pump", "compression_garment"}) {
        INFO(code);
        CHECK_FALSE(find_category(code)->site_check_required);
    }
}

TEST_CASE("a compression garment is not electrical and has no inspection interval") {
    const CategoryRules* garment = find_category("compression_garment");
    REQUIRE(garment);
    CHECK_FALSE(garment->electrical);
    CHECK(garment->inspection_interval_months == 0);
    CHECK(garment->default_loan_days == 180);
}

TEST_CASE("home ventilators are inspected every six months and TENS is reviewed after 90 days") {
    CHECK(find_category("home_ventilator")->inspection_interval_months == 6);
    CHECK(find_category("oxygen_concentrator")->inspection_interval_months == 12);
    CHECK(find_category("tens")->default_loan_days == 90);
    CHECK(find_category("cpap")->default_loan_days == 365);
    CHECK(find_category("oxygen_concentrator")->name_no == "Oksygenkonsentrator");
}

TEST_CASE("an unknown category code finds nothing") {
    CHECK(find_category("wheelchair") == nullptr);
    CHECK(find_category("") == nullptr);
    CHECK(find_category("CPAP") == nullptr);  // codes are exact
}

TEST_CASE("consumables tied to the device are paid by the unit, others by the municipality") {
    const CategoryRules* cpap = find_category("cpap");
    REQUIRE(cpap);
    CHECK(consumable_paid_by_unit(*cpap, "cpap_mask"));
    CHECK(consumable_paid_by_unit(*cpap, "cpap_filter"));
    CHECK_FALSE(consumable_paid_by_unit(*cpap, "nasal_cannula"));  // tied to oxygen, not CPAP
    CHECK_FALSE(consumable_paid_by_unit(*cpap, "skin_cream"));
    CHECK(consumable_paid_by_unit(*find_category("oxygen_concentrator"), "nasal_cannula"));
}
