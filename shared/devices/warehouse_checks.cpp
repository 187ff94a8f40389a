// Stocktaking and cleaning-bench checks on a device's registered state.
#include "shared/devices/warehouse_checks.h"

namespace bhm {

bool awaits_cleaning(const DeviceStatus& status) {
    const auto state = status.state;
    return !status.cleaned &&
           (state == DeviceState::received || state == DeviceState::returned || state == DeviceState::in_service);
}

std::optional<Refusal> check_counted_in_warehouse(DeviceState registered, const std::string& asset_tag) {
    if (registered != DeviceState::on_loan && registered != DeviceState::lost && registered != DeviceState::retired)
        return std::nullopt;
    return Refusal{"count_mismatch", asset_tag + " was counted in the warehouse but is registered as " +
                                         to_string(registered) + ". Check it and correct its record.",
                   ""};
}

std::optional<Refusal> check_location_change(DeviceState state) {
    switch (state) {
        case DeviceState::on_loan:
            return Refusal{"device_on_loan",
                           "This device is on loan at the patient's; it cannot be put on a shelf. Take the return first.",
                           ""};
        case DeviceState::lost:
            return Refusal{"device_lost", "This device is reported lost; report it found before shelving it.", ""};
        case DeviceState::retired:
            return Refusal{"device_retired", "This device is retired; it does not go back on a shelf.", ""};
        default:
            return std::nullopt;
    }
}

}  // namespace bhm
