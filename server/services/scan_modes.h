// What each station mode does with a scanned device or consumable pack, inside the scan's transaction.
#pragma once

#include <Poco/JSON/Object.h>

#include "server/services/actor.h"
#include "server/services/scans.h"

namespace bhm::server {

struct ModeResult {
    std::optional<db::Device> device;   // a device scan
    std::string message;       // shown at the station
    std::optional<Refusal> warning;   // committed, but answered as a conflict (count mismatch)
    Poco::JSON::Object::Ptr lot = nullptr;   // a consumable pack's lot instead of a device (consumable_scans.h)
};

ModeResult run_scan_mode(db::Transaction& tx, const Actor& actor, const ScanCommand& scan);

}  // namespace bhm::server
