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

}  // namespace bhm
