// Recall holds: the refusal the delivery gate and the pick give for a recalled device, and the receipt check.
#include "shared/recalls/hold.h"

#include "shared/recalls/coverage.h"

namespace bhm {

namespace {

constexpr const char* fsn_source = "Forskrift om medisinsk utstyr; DMP: korrigerende sikkerhetstiltak (FSN)";

std::string named_notices(const std::vector<RecallHold>& holds) {
    std::string named = holds.size() > 1 ? "s " : " ";
    for (std::size_t i = 0; i < holds.size(); ++i) {
        if (i > 0) named += i + 1 == holds.size() ? " and " : ", ";
        named += holds[i].reference + " (" + to_string(holds[i].action) + ")";
    }
    return named;
}

}  // namespace

std::optional<Refusal> check_recall_holds(const std::vector<RecallHold>& holds) {
    if (holds.empty()) return std::nullopt;
    return Refusal{"recall_action_pending",
                   "This device is covered by the field safety notice" + named_notices(holds) +
                       "; it may not be picked or delivered until the action is recorded as done for it.",
                   fsn_source};
}

std::optional<Refusal> check_lot_recall_holds(const std::vector<RecallHold>& holds, const std::string& lot) {
    if (holds.empty()) return std::nullopt;
    return Refusal{"recall_action_pending",
                   "Lot " + lot + " is covered by the field safety notice" + named_notices(holds) +
                       "; its packs may not be picked or issued until the action is recorded as done for the lot.",
                   fsn_source};
}

std::vector<std::int64_t> notices_catching_receipt(const std::vector<OpenNotice>& open, std::string_view gtin,
                                                   std::string_view serial) {
    std::vector<std::int64_t> ids;
    for (const auto& notice : open)
        if (covers_serial(notice.coverage, gtin, serial)) ids.push_back(notice.id);
    return ids;
}

}  // namespace bhm
