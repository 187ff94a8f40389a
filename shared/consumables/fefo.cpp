// FEFO as a pure function of the lots on hand: sort pickable lots by expiry, take from each in turn.
#include "shared/consumables/fefo.h"

#include <algorithm>

namespace bhm {

PickProposal propose_fefo(std::vector<StockLot> lots, int quantity, Date today) {
    std::erase_if(lots, [today](const StockLot& l) {
        return l.quantity <= 0 || lot_pick_refusal(l.status, l.expiry, today, l.lot).has_value();
    });
    std::sort(lots.begin(), lots.end(), [](const StockLot& a, const StockLot& b) {
        return a.expiry != b.expiry ? a.expiry < b.expiry : a.id < b.id;
    });
    PickProposal proposal;
    int left = std::max(quantity, 0);
    for (const auto& l : lots) {
        if (left == 0) break;
        const int take = std::min(left, l.quantity);
        proposal.picks.push_back({l.id, take});
        left -= take;
    }
    proposal.short_by = left;
    return proposal;
}

}  // namespace bhm
