// Names of the ways a loan ends, as stored in loans.end_reason and shown in the API.
#include "shared/loans/loan_end.h"

#include <array>
#include <utility>

namespace bhm {
namespace {

constexpr std::array<std::pair<LoanEnd, std::string_view>, 5> end_names{{
    {LoanEnd::returned, "returned"},
    {LoanEnd::lost, "lost"},
    {LoanEnd::written_off, "written_off"},
    {LoanEnd::death, "death"},
    {LoanEnd::exchanged, "exchanged"},
}};

}  // namespace

std::string to_string(LoanEnd end) {
    for (const auto& [candidate, name] : end_names)
        if (candidate == end) return std::string(name);
    return "unknown";
}

std::optional<LoanEnd> parse_loan_end(std::string_view text) {
    for (const auto& [end, name] : end_names)
        if (name == text) return end;
    return std::nullopt;
}

}  // namespace bhm
