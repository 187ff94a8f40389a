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

TEST_CASE("exchange_before_loan: an exchange recorded afterwards cannot end the old loan before it began") {
    ExchangeCheck check{CaseStatus::delivered, true, false, "alarm sounds"};
    check.old_loan_delivered_at = *parse_iso_timestamp("2024-05-20T10:00:00Z");
    check.exchanged_at = *parse_iso_timestamp("2024-05-20T10:00:00Z");
    CHECK_FALSE(check_exchange(check));
    check.exchanged_at = *parse_iso_timestamp("2024-06-01T08:00:00Z");
    CHECK_FALSE(check_exchange(check));
    check.exchanged_at = *parse_iso_timestamp("2024-05-19T23:59:59Z");
    auto refusal = check_exchange(check);
    REQUIRE(refusal);
    CHECK(refusal->code == "exchange_before_loan");
    CHECK(refusal->message.find("2024-05-20T10:00:00Z") != std::string::npos);
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
