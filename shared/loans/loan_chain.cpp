// Loan chains: a case's loans joined across exchanges.
#include "shared/loans/loan_chain.h"

namespace bhm {

std::vector<LoanChain> loan_chains(const std::vector<ChainLink>& links) {
    std::vector<LoanChain> chains;
    bool open_chain = false;
    for (std::size_t i = 0; i < links.size(); ++i) {
        const auto& link = links[i];
        if (!open_chain) chains.push_back(LoanChain{link.delivered_at, std::nullopt, i, i});
        auto& chain = chains.back();
        chain.last = i;
        open_chain = link.exchanged || !link.returned_at;
        if (!open_chain) chain.ended = link.returned_at;
    }
    return chains;
}

}  // namespace bhm
