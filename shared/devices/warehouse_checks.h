// What a warehouse scan may conclude from a device's registered state, without changing it:
// whether it waits for cleaning (the inspect bench records that first), and whether a device
// counted on the shelf contradicts its record (stocktaking: "honest about every device's whereabouts").
#pragma once

#include <optional>
#include <string>

#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"

namespace bhm {

// Received, returned or in service, and not yet cleaned since.
bool awaits_cleaning(const DeviceStatus& status);

// A device seen in the warehouse while registered on loan, lost or retired: a mismatch to correct.
std::optional<Refusal> check_counted_in_warehouse(DeviceState registered, const std::string& asset_tag);

// Shelving: only a device that is in the warehouse can be moved to a shelf. On loan it is at the
// patient's; lost or retired it is nowhere. Codes: device_on_loan, device_lost, device_retired.
std::optional<Refusal> check_location_change(DeviceState state);

}  // namespace bhm
