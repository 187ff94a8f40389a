// A notice's progress: the action is recorded per device and per lot, once, by whom and when; the notice
// shows "done n of m" and closes when every covered device and lot is done. Where each affected device is
// now decides which list of the affected report it is in.
#pragma once

#include <optional>
#include <string>

#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"

namespace bhm {

struct RecallProgress {
    int done = 0, total = 0;
    friend bool operator==(const RecallProgress&, const RecallProgress&) = default;
};

// A notice with nothing covered yet stays open: a device received later may still be caught by it.
bool notice_complete(const RecallProgress& progress);

// Recording the action for one device or lot. Both refusals are conflicts with state someone else set
// (the other station recorded it first, or that closed the notice): recall_closed, recall_already_done.
std::optional<Refusal> check_action_record(bool notice_closed, bool already_done);

// Where an affected device is now, as the unit must reach it.
enum class RecallWhereabouts { in_stock, reserved, on_loan, in_service, returned, written_off };
std::string to_string(RecallWhereabouts where);
// received/available: in stock; returned: back from a patient, awaiting cleaning; retired/lost: written off.
RecallWhereabouts whereabouts_of(DeviceState state);

}  // namespace bhm
