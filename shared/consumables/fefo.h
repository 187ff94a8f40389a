// First-expiry-first-out picking: which lots to take for a quantity, earliest expiry first. A lot that
// may not be picked (shared/consumables/lot_status.h) is never proposed, whatever its date.
#pragma once

#include <cstdint>
#include <vector>

#include "shared/consumables/lot_status.h"

namespace bhm {

struct StockLot {
    std::int64_t id = 0;
    std::string lot;
    Date expiry;
    LotStatus status = LotStatus::available;   // as stored
    int quantity = 0;                          // on hand
};

struct ProposedPick { std::int64_t lot_id = 0; int quantity = 0; };

struct PickProposal {
    std::vector<ProposedPick> picks;   // earliest expiry first; ties by lot id (the older receipt)
    int short_by = 0;                  // what the pickable stock cannot cover
};

PickProposal propose_fefo(std::vector<StockLot> lots, int quantity, Date today);

}  // namespace bhm
