// The store's loans: one per device handed to a patient for a case; open until returned.
// A narrow interface that Transaction inherits; the loan review and reports name only this.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

class LoanRecords {
public:
    virtual ~LoanRecords() = default;

    // Loans.
    virtual Id insert_loan(const Loan&) = 0;
    virtual void update_loan(const Loan&) = 0;
    virtual std::optional<Loan> loan(Id) = 0;
    virtual std::optional<Loan> open_loan_for_device(Id device_id) = 0;
    virtual std::vector<Loan> loans_of_case(Id case_id) = 0;
    virtual std::vector<Loan> loans_of_device(Id device_id) = 0;   // oldest first
    // Open loans of a unit whose due date is on or before `due_by`.
    virtual std::vector<Loan> open_loans_due(Id unit_id, Date due_by) = 0;
    // The same, a page at a time, by due date, then id.
    virtual std::vector<Loan> open_loans_due(Id unit_id, Date due_by, const DatedPage&) = 0;
    // All loans of a unit that were open at some time within [from, to] (reports).
    virtual std::vector<Loan> loans_between(Id unit_id, Timestamp from, Timestamp to) = 0;
    // Every loan of every case of the unit (whatever unit the loan is at now), in no particular order (reports).
    virtual std::vector<Loan> loans_of_unit_cases(Id unit_id) = 0;
};

}  // namespace bhm::db
