// Proves who may apply for what (the procedure's appendix, "Unntak"): GPs and nursing-home doctors,
// physiotherapists and specialist physiotherapists have narrow rights; specialist-service doctors have all.
#include <catch2/catch.hpp>

#include "shared/cases/requester.h"

using namespace bhm;

namespace {
std::string verdict(RequesterRole role, const std::string& category, bool palliative = false,
                    bool nebulizer_criteria_met = false, Lymphoedema lymphoedema = Lymphoedema::none) {
    auto refusal = check_requester_rights({role, category, palliative, nebulizer_criteria_met, lymphoedema});
    return refusal ? refusal->code : "ok";
}
}  // namespace

TEST_CASE("a GP may requisition oxygen but not CPAP") {
    CHECK(verdict(RequesterRole::gp, "oxygen_concentrator") == "ok");
    CHECK(verdict(RequesterRole::gp, "cpap") == "requester_not_allowed");
    CHECK(verdict(RequesterRole::nursing_home_doctor, "oxygen_concentrator") == "ok");
    CHECK(verdict(RequesterRole::nursing_home_doctor, "home_ventilator") == "requester_not_allowed");
}

TEST_CASE("a GP may requisition oxygen for palliative care") {
    CHECK(verdict(RequesterRole::gp, "oxygen_concentrator", true) == "ok");
    CHECK(verdict(RequesterRole::nursing_home_doctor, "oxygen_concentrator", true) == "ok");
}

TEST_CASE("a palliative need for anything but oxygen must go through the specialist service") {
    auto refusal = check_requester_rights({RequesterRole::nursing_home_doctor, "suction", true});
    REQUIRE(refusal);
    CHECK(refusal->code == "palliative_needs_specialist");
    CHECK(refusal->message.find("specialist health service") != std::string::npos);
    CHECK(refusal->rule.find("pkt. 9") != std::string::npos);
    CHECK(verdict(RequesterRole::gp, "nebulizer", true, true) == "palliative_needs_specialist");
}

TEST_CASE("a GP may apply for a nebulizer only when the criteria are met") {
    CHECK(verdict(RequesterRole::gp, "nebulizer", false, true) == "ok");
    CHECK(verdict(RequesterRole::gp, "nebulizer", false, false) == "nebulizer_criteria_not_met");
    CHECK(verdict(RequesterRole::nursing_home_doctor, "nebulizer", false, true) == "ok");
}

TEST_CASE("a physiotherapist may apply for TENS only") {
    CHECK(verdict(RequesterRole::physiotherapist, "tens") == "ok");
    CHECK(verdict(RequesterRole::physiotherapist, "compression_garment", false, false, Lymphoedema::primary) ==
          "requester_not_allowed");
    CHECK(verdict(RequesterRole::physiotherapist, "oxygen_concentrator") == "requester_not_allowed");
}

TEST_CASE("a specialist physiotherapist may apply for compression garments for lymphoedema, and for TENS") {
    CHECK(verdict(RequesterRole::specialist_physiotherapist, "compression_garment", false, false,
                  Lymphoedema::primary) == "ok");
    CHECK(verdict(RequesterRole::specialist_physiotherapist, "compression_garment", false, false,
                  Lymphoedema::secondary) == "ok");
    CHECK(verdict(RequesterRole::specialist_physiotherapist, "compression_garment") == "lymphoedema_required");
    CHECK(verdict(RequesterRole::specialist_physiotherapist, "tens") == "ok");
    CHECK(verdict(RequesterRole::specialist_physiotherapist, "cpap") == "requester_not_allowed");
}

TEST_CASE("specialist doctors and private doctors with an agreement may apply for every category") {
    for (const char* category : {"oxygen_concentrator", "cpap", "bipap", "home_ventilator", "cough_assist",
                                 "nebulizer", "suction", "infusion_pump", "insulin_pump", "tens",
                                 "compression_garment"}) {
        INFO(category);
        CHECK(verdict(RequesterRole::specialist_doctor, category, true) == "ok");
        CHECK(verdict(RequesterRole::private_doctor_with_agreement, category) == "ok");
    }
}

TEST_CASE("an application for an unknown category is refused whoever sends it") {
    CHECK(verdict(RequesterRole::specialist_doctor, "wheelchair") == "unknown_category");
    CHECK(verdict(RequesterRole::gp, "") == "unknown_category");
}

TEST_CASE("requester refusals cite the procedure's appendix") {
    auto refusal = check_requester_rights({RequesterRole::physiotherapist, "cpap"});
    REQUIRE(refusal);
    CHECK(refusal->rule.find("Unntak") != std::string::npos);
    CHECK(refusal->message.find("TENS") != std::string::npos);
}

TEST_CASE("requester roles and lymphoedema kinds round-trip through their names") {
    for (auto role : {RequesterRole::specialist_doctor, RequesterRole::private_doctor_with_agreement,
                      RequesterRole::gp, RequesterRole::nursing_home_doctor, RequesterRole::physiotherapist,
                      RequesterRole::specialist_physiotherapist}) {
        CHECK(parse_requester_role(to_string(role)) == role);
    }
    CHECK(to_string(RequesterRole::gp) == "gp");
    CHECK_FALSE(parse_requester_role("GP"));
    CHECK_FALSE(parse_requester_role("nurse"));
    CHECK(parse_lymphoedema(to_string(Lymphoedema::secondary)) == Lymphoedema::secondary);
    CHECK_FALSE(parse_lymphoedema("tertiary"));
}
