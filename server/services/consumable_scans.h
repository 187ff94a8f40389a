// Scans of consumable packs: a GS1 code whose GTIN is a consumable (not a device model) is received
// (with lot, expiry and quantity), issued to the case on the slip (picked for its open order), or counted.
// Other modes have nothing to do with a pack and refuse it.
#pragma once

#include <optional>

#include "server/services/scan_modes.h"
#include "shared/barcode/scanned_code.h"

namespace bhm::server {

// The pack's result, or nothing when the code's GTIN is not a consumable (handled as a device scan).
std::optional<ModeResult> run_consumable_scan(db::Transaction& tx, const Actor& actor, const ScanCommand& scan,
                                              const barcode::ParsedCode& code);

}  // namespace bhm::server
