// How a loan ended. Returned, lost at the patient's, written off, ended by the patient's death and
// exchanged for service are different facts and different figures in the network's annual report
// (seed 003), so the reason is recorded with the end instead of being guessed from the device's state.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bhm {

enum class LoanEnd { returned, lost, written_off, death, exchanged };
std::string to_string(LoanEnd end);
std::optional<LoanEnd> parse_loan_end(std::string_view text);

}  // namespace bhm
