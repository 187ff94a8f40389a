// The block a field safety notice puts on a device: while its action is not recorded as done for that
// device, the device may not be picked (reserved) or delivered. The delivery gate (shared/loans/delivery.h)
// and therefore the pick name every such notice; a consumable stock lot is held the same way. A device received later that an open notice covers is held
// from its receipt on.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shared/recalls/notice.h"

namespace bhm {

// One open notice whose action is still due for the device.
struct RecallHold {
    std::int64_t notice_id = 0;
    std::string reference;          // the manufacturer's reference, named in the refusal
    RecallAction action = RecallAction::inspect;
};

// Code recall_action_pending, naming every notice; nothing when there are no holds.
std::optional<Refusal> check_recall_holds(const std::vector<RecallHold>& holds);

// The same for a consumable stock lot: picks and issue scans of the lot are refused naming every notice.
std::optional<Refusal> check_lot_recall_holds(const std::vector<RecallHold>& holds, const std::string& lot);

// An open notice as the receipt check sees it.
struct OpenNotice {
    std::int64_t id = 0;
    Coverage coverage;
};

// The open notices that cover a device being received with this GTIN and serial (shared/recalls/coverage.h),
// in the order given.
std::vector<std::int64_t> notices_catching_receipt(const std::vector<OpenNotice>& open, std::string_view gtin,
                                                   std::string_view serial);

}  // namespace bhm
