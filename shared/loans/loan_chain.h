// A loan chain: one case's loan with its exchanges. An exchange ends a loan and starts its replacement at
// the same moment, on the same case, so the patient's loan goes on; the annual report's loan duration
// counts the chain once, from its first delivery to its final end. Pure rules.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "shared/core/date.h"

namespace bhm {

struct ChainLink {
    Timestamp delivered_at;
    std::optional<Timestamp> returned_at;
    bool exchanged = false;   // ended by an exchange: the next loan of the case continues it
};

struct LoanChain {
    Timestamp began;                  // the first delivery
    std::optional<Timestamp> ended;   // the final end; none while a loan of the chain is open
    std::size_t first = 0, last = 0;  // indexes into the links
};

// `links`: one case's loans in delivery order. A loan not ended by an exchange ends its chain; the next
// loan, if any, starts a new one.
std::vector<LoanChain> loan_chains(const std::vector<ChainLink>& links);

}  // namespace bhm
