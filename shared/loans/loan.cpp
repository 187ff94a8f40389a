// Loan dates: the review/return date set by the decision's loan period, overdue and due-soon tests for
// reminders, and durations for the network's annual report. A loan is due on its due date, overdue after.
#include "shared/loans/loan.h"

namespace bhm {

Date loan_due(Date delivered, int loan_days) { return add_days(delivered, loan_days); }

bool loan_overdue(Date due, Date today) { return today > due; }

bool loan_due_within(Date due, Date today, int days) {
    return !loan_overdue(due, today) && days_between(today, due) <= days;
}

int loan_duration_days(Date delivered, Date returned) { return days_between(delivered, returned); }

int loan_duration_days(Date delivered, std::optional<Date> returned, Date today) {
    return days_between(delivered, returned ? *returned : today);
}

}  // namespace bhm
