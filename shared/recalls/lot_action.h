// What a stock lot's status becomes when a field safety notice's action is recorded as done for it. Packs that
// were inspected or modified as the manufacturer asked may be used again, so the lot gets back the status it
// had before the notice (available, or the hold it was under then), unless another open notice still holds it.
// Packs to be replaced, stopped or returned must never reach a patient: the lot stays recalled, with the
// action named in its reason, until the packs leave the stock.
#pragma once

#include <string>

#include "shared/consumables/lot_status.h"
#include "shared/recalls/notice.h"

namespace bhm {

struct LotAfterAction {
    LotStatus status = LotStatus::recalled;
    std::string reason;                 // for the lot's status change, naming the notice and the action
};

// `before`: the lot's stored status when the notice covered it. `still_held`: another open notice has its
// action pending for the lot.
LotAfterAction lot_status_after_action(RecallAction action, LotStatus before, bool still_held,
                                       const std::string& reference);

// True for the actions after which the packs may be used again (inspect, modify).
bool action_releases_lot(RecallAction action);

}  // namespace bhm
