// Collects the categories of the patient's open loans in the unit and asks the shared rule.
#include "server/services/case_warnings.h"

namespace bhm::server {

std::vector<Warning> application_warnings(db::Transaction& tx, const db::Case& c) {
    std::vector<std::string> on_loan;
    for (const auto& other : tx.cases_of_patient(c.patient_id)) {
        if (other.id == c.id || other.unit_id != c.unit_id) continue;
        for (const auto& loan : tx.loans_of_case(other.id))
            if (!loan.returned_at) on_loan.push_back(other.category);
    }
    std::vector<Warning> warnings;
    if (auto warning = second_device_warning(c.category, on_loan)) warnings.push_back(*warning);
    return warnings;
}

}  // namespace bhm::server
