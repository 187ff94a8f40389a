// The lot's status after a notice's action is done (shared/recalls/lot_action.h).
#include "shared/recalls/lot_action.h"

namespace bhm {

bool action_releases_lot(RecallAction action) {
    return action == RecallAction::inspect || action == RecallAction::modify;
}

LotAfterAction lot_status_after_action(RecallAction action, LotStatus before, bool still_held,
                                       const std::string& reference) {
    const std::string done = "Field safety notice " + reference + ": " + to_string(action) + " done";
    if (!action_releases_lot(action))
        return {LotStatus::recalled, done + "; the packs may not be used (" + to_string(action) + ")."};
    if (still_held) return {LotStatus::recalled, done + "; another open notice still holds the lot."};
    return {before, done + "; the lot is released."};
}

}  // namespace bhm
