// Proves the loan review rules: an extension needs a reason and a later date within the longest loan
// period; the return is started once, with a reason; an ended loan has nothing to review.
#include <catch2/catch.hpp>

#include "shared/loans/loan_review.h"

using namespace bhm;

namespace {
LoanExtension extension(Date new_due, std::string reason = "still on nightly CPAP") {
    return LoanExtension{true, Date{2026, 12, 1}, new_due, std::move(reason), Date{2026, 12, 1}};
}
}  // namespace

TEST_CASE("a loan extension needs a reason and a later review date") {
    CHECK_FALSE(check_loan_extension(extension(Date{2027, 6, 1})));
    CHECK(check_loan_extension(extension(Date{2027, 6, 1}, "  "))->code == "extension_reason_missing");
    CHECK(check_loan_extension(extension(Date{2026, 12, 1}))->code == "extension_not_later");
    CHECK(check_loan_extension(extension(Date{2026, 11, 1}))->code == "extension_not_later");
    auto refusal = check_loan_extension(extension(Date{2027, 6, 1}, ""));
    CHECK(refusal->rule == "Prosedyre pkt. 10");
}

TEST_CASE("an overdue loan is extended to a date after today, not just after the old due date") {
    LoanExtension overdue{true, Date{2026, 10, 1}, Date{2026, 11, 1}, "needs it", Date{2026, 12, 1}};
    CHECK(check_loan_extension(overdue)->code == "extension_not_later");
    overdue.new_due = Date{2026, 12, 2};
    CHECK_FALSE(check_loan_extension(overdue));
}

TEST_CASE("a loan extension is at most the longest loan period from today") {
    CHECK_FALSE(check_loan_extension(extension(add_days(Date{2026, 12, 1}, 3650))));
    CHECK(check_loan_extension(extension(add_days(Date{2026, 12, 1}, 3651)))->code == "extension_too_long");
}

TEST_CASE("an ended loan cannot be extended or have its return started") {
    auto ended = extension(Date{2027, 6, 1});
    ended.loan_open = false;
    CHECK(check_loan_extension(ended)->code == "loan_not_open");
    CHECK(check_review_return(false, false, "not needed")->code == "loan_not_open");
}

TEST_CASE("the return at review is started once and with a reason") {
    CHECK_FALSE(check_review_return(true, false, "no longer needed"));
    CHECK(check_review_return(true, false, "")->code == "review_reason_missing");
    CHECK(check_review_return(true, true, "no longer needed")->code == "return_already_started");
}
