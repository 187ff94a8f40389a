// Proves the warning for a second application in a category the patient already has on loan.
#include <catch2/catch.hpp>

#include "shared/cases/second_application.h"

using namespace bhm;

TEST_CASE("a second application for a category already on loan gets a warning, not a refusal") {
    auto warning = second_device_warning("cpap", {"oxygen_concentrator", "cpap"});
    REQUIRE(warning);
    CHECK(warning->code == "same_category_on_loan");
    CHECK(warning->message.find("1 device") != std::string::npos);
    CHECK_FALSE(second_device_warning("cpap", {"oxygen_concentrator"}));
    CHECK_FALSE(second_device_warning("cpap", {}));
}
