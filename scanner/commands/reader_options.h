// The reader options `list` and `listen` share: --readers FILE (else $BHM_READERS, else the
// source tree's hardware/scanners.json), --device VID:PID and --layout us|no.
#pragma once

#include "scanner/arguments.h"
#include "scanner/usb/reader_hub.h"

namespace bhm::scan {

inline const std::vector<std::string> reader_option_names{"readers", "device", "layout"};

// Throws UsageError for a malformed --device or an unknown --layout.
bhm::usb::HubOptions hub_options_from(const Arguments& args);

}  // namespace bhm::scan
