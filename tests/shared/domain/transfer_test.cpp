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

TEST_CASE("a transfer is received once, while the case has an open loan") {
    CHECK_FALSE(check_transfer_receipt(TransferStatus::pending, true));
    CHECK(check_transfer_receipt(TransferStatus::received, true)->code == "transfer_not_pending");
    CHECK(is_transfer_repeat(*check_transfer_receipt(TransferStatus::received, true)));
    CHECK(check_transfer_receipt(TransferStatus::cancelled, true)->code == "transfer_cancelled");
    CHECK_FALSE(is_transfer_repeat(*check_transfer_receipt(TransferStatus::cancelled, true)));
    CHECK(check_transfer_receipt(TransferStatus::pending, false)->code == "transfer_loan_ended");
}

TEST_CASE("a pending transfer is cancelled once, with a reason, a received one is not") {
    CHECK_FALSE(check_transfer_cancel(TransferStatus::pending, "the patient stays in Tromsø"));
    CHECK(check_transfer_cancel(TransferStatus::pending, "  ")->code == "transfer_cancel_reason_missing");
    CHECK(check_transfer_cancel(TransferStatus::received, "x")->code == "transfer_already_received");
    CHECK_FALSE(is_transfer_repeat(*check_transfer_cancel(TransferStatus::received, "x")));
    CHECK(check_transfer_cancel(TransferStatus::cancelled, "x")->code == "transfer_already_cancelled");
    CHECK(is_transfer_repeat(*check_transfer_cancel(TransferStatus::cancelled, "x")));
}

TEST_CASE("a pending transfer ends with the case's last loan, and stands through an exchange") {
    CHECK(pending_transfer_ends(false));        // returned, lost, written off, death: nothing left to hand over
    CHECK_FALSE(pending_transfer_ends(true));   // exchanged: the replacement is out on the same case
    CHECK(std::string(transfer_loan_ended_reason) == "loan ended");
}

TEST_CASE("transfer statuses read back as written, cancelled included") {
    for (auto status : {TransferStatus::pending, TransferStatus::received, TransferStatus::cancelled})
        CHECK(parse_transfer_status(to_string(status)) == status);
    CHECK_FALSE(parse_transfer_status("lost"));
}
