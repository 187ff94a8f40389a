// Proves the transfer rules: only a case with a device out moves, to another known unit, once, with a reason.
#include <catch2/catch.hpp>

#include "shared/cases/transfer.h"

using namespace bhm;

TEST_CASE("a patient moving to another unit is transferred with the open loan, to another known unit") {
    TransferRequest r{CaseStatus::delivered, true, false, true, false, "moved to Bergen"};
    CHECK_FALSE(check_transfer(r));
    auto unknown = r;
    unknown.receiving_unit_known = false;
    CHECK(check_transfer(unknown)->code == "transfer_unit_unknown");
    auto same = r;
    same.same_unit = true;
    CHECK(check_transfer(same)->code == "transfer_same_unit");
    auto not_out = r;
    not_out.case_status = CaseStatus::approved;
    not_out.open_loan = false;
    CHECK(check_transfer(not_out)->code == "case_not_on_loan");
    auto pending = r;
    pending.transfer_pending = true;
    CHECK(check_transfer(pending)->code == "transfer_already_pending");
    auto no_reason = r;
    no_reason.reason = "";
    CHECK(check_transfer(no_reason)->code == "transfer_reason_missing");
}

TEST_CASE("a transfer is received once, while its loan is still open") {
    CHECK_FALSE(check_transfer_receipt(TransferStatus::pending, true));
    CHECK(check_transfer_receipt(TransferStatus::received, true)->code == "transfer_not_pending");
    CHECK(check_transfer_receipt(TransferStatus::pending, false)->code == "transfer_loan_ended");
}
