// Text handling for scans. Typed stand-ins for the GS1 group separator: A wedge reader in a terminal or a person
// typing `--text` cannot easily send byte 0x1D, so "\x1d", "\x1D", "<GS>" and "\u001d"
// become that byte; "\\" stays one backslash. Nothing else is changed.
#pragma once

#include <string>
#include <string_view>

namespace bhm::scan {

std::string unescape_scan_text(std::string_view typed);

// JSON strings must be UTF-8. A scan that is not valid UTF-8 is taken as ISO-8859-1 (the
// default character set of most barcode symbologies) and converted; valid UTF-8 is kept.
std::string as_utf8(std::string_view raw);

// Printable form for screen lines: control bytes shown as <GS>, <0x..>.
std::string printable(std::string_view raw);

}  // namespace bhm::scan
