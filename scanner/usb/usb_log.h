// One structured line per USB event on stderr ("usb event=claimed reader=0c2e:0b81 ..."),
// so stdout stays free for the scans `bhm-scan listen --print` writes.
#pragma once

#include <string>

#include "scanner/usb/reader_hub.h"

namespace bhm::usb {

// reader=VID:PID bus=001/002 personality=... as key=value text.
std::string reader_fields(const ReaderInfo& reader);

// Writes "usb event=<event> <fields> detail="<detail>"" (detail quoted, omitted if empty).
void log_usb(const std::string& event, const std::string& fields, const std::string& detail = "");

}  // namespace bhm::usb
