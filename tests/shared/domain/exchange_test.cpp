// Proves the exchange rules: a delivered case swaps its device for another, and the replacement passes the
// same delivery gate with "delivered" in place of "approved".
#include <catch2/catch.hpp>

#include "delivery_fixture.h"
#include "shared/loans/exchange.h"

using namespace bhm;

TEST_CASE("an exchange needs a delivered case, its own device on loan, another device and a fault") {
    ExchangeCheck check{CaseStatus::delivered, true, false, "alarm sounds"};
    CHECK_FALSE(check_exchange(check));
    auto approved = check;
    approved.case_status = CaseStatus::approved;
    CHECK(check_exchange(approved)->code == "case_not_delivered");
    auto other_case = check;
    other_case.old_device_on_this_case = false;
    CHECK(check_exchange(other_case)->code == "device_not_on_this_case");
    auto same = check;
    same.same_device = true;
    CHECK(check_exchange(same)->code == "exchange_same_device");
    auto no_fault = check;
    no_fault.fault = "";
    CHECK(check_exchange(no_fault)->code == "exchange_fault_missing");
}

TEST_CASE("the replacement in an exchange passes the same delivery gate, for a delivered case") {
    auto check = testing::ready_delivery();
    check.case_status = CaseStatus::delivered;
    CHECK(check_exchange_delivery(check).empty());
    check.manual_included = false;
    check.inspection_passed = false;
    auto reasons = check_exchange_delivery(check);
    REQUIRE(reasons.size() == 2);
    CHECK(reasons[0].code == "inspection_missing");
    CHECK(reasons[1].code == "manual_missing");
    auto approved = testing::ready_delivery();   // a first delivery is not an exchange
    auto first = check_exchange_delivery(approved);
    REQUIRE(first.size() == 1);
    CHECK(first[0].code == "case_not_delivered");
}
