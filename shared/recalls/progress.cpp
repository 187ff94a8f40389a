// Progress of a notice, the once-only action record, and where an affected device is.
#include "shared/recalls/progress.h"

namespace bhm {

bool notice_complete(const RecallProgress& progress) { return progress.total > 0 && progress.done >= progress.total; }

std::optional<Refusal> check_action_record(bool notice_closed, bool already_done) {
    if (already_done)
        return Refusal{"recall_already_done", "The action is already recorded as done for this item.", ""};
    if (notice_closed)
        return Refusal{"recall_closed", "This notice is closed: its action is recorded for everything it covers.", ""};
    return std::nullopt;
}

std::string to_string(RecallWhereabouts where) {
    switch (where) {
        case RecallWhereabouts::in_stock: return "in_stock";
        case RecallWhereabouts::reserved: return "reserved";
        case RecallWhereabouts::on_loan: return "on_loan";
        case RecallWhereabouts::in_service: return "in_service";
        case RecallWhereabouts::returned: return "returned";
        case RecallWhereabouts::written_off: return "written_off";
    }
    return "in_stock";
}

RecallWhereabouts whereabouts_of(DeviceState state) {
    switch (state) {
        case DeviceState::received:
        case DeviceState::available: return RecallWhereabouts::in_stock;
        case DeviceState::reserved: return RecallWhereabouts::reserved;
        case DeviceState::on_loan: return RecallWhereabouts::on_loan;
        case DeviceState::in_service: return RecallWhereabouts::in_service;
        case DeviceState::returned: return RecallWhereabouts::returned;
        case DeviceState::retired:
        case DeviceState::lost: return RecallWhereabouts::written_off;
    }
    return RecallWhereabouts::in_stock;
}

}  // namespace bhm
