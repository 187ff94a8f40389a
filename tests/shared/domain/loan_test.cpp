// Proves the loan date rules used for reminders and the annual report: due date from the loan period,
// overdue only after the due date, due-soon windows inclusive, and durations for open and closed loans.
#include <catch2/catch.hpp>

#include "shared/loans/loan.h"

using namespace bhm;

TEST_CASE("a loan is due its loan period after delivery") {
    CHECK(loan_due(Date{2024, 1, 1}, 365) == Date{2024, 12, 31});
    CHECK(loan_due(Date{2024, 2, 1}, 90) == Date{2024, 5, 1});
}

TEST_CASE("a loan is overdue from the day after its due date") {
    const Date due{2024, 6, 30};
    CHECK_FALSE(loan_overdue(due, Date{2024, 6, 29}));
    CHECK_FALSE(loan_overdue(due, due));
    CHECK(loan_overdue(due, Date{2024, 7, 1}));
}

TEST_CASE("a loan due within a window counts both ends and not overdue loans") {
    const Date due{2024, 6, 30};
    CHECK(loan_due_within(due, Date{2024, 6, 16}, 14));
    CHECK_FALSE(loan_due_within(due, Date{2024, 6, 15}, 14));
    CHECK(loan_due_within(due, due, 0));
    CHECK_FALSE(loan_due_within(due, Date{2024, 7, 1}, 14));
}

TEST_CASE("a loan's duration runs to its return, or to today while still out") {
    CHECK(loan_duration_days(Date{2024, 1, 1}, Date{2024, 3, 1}) == 60);
    CHECK(loan_duration_days(Date{2024, 1, 1}, Date{2024, 2, 1}, Date{2024, 12, 1}) == 31);
    CHECK(loan_duration_days(Date{2024, 1, 1}, std::nullopt, Date{2024, 1, 11}) == 10);
}
