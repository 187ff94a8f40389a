// What each station mode does with a scanned device, inside the scan's transaction.
#pragma once

#include "server/services/actor.h"
#include "server/services/scans.h"

namespace bhm::server {

struct ModeResult {
    db::Device device;
    std::string message;       // shown at the station
    std::optional<Refusal> warning;   // committed, but answered as a conflict (count mismatch)
};

ModeResult run_scan_mode(db::Transaction& tx, const Actor& actor, const ScanCommand& scan);

}  // namespace bhm::server
