// Where the listen loop gets its scans: the USB readers (through ReaderHub) or lines on
// stdin (a keyboard-wedge reader typing into a terminal, or a test). Both hand out the
// raw scan text with the AIM symbology identifier in front when the reader gave one.
#pragma once

#include <chrono>
#include <memory>
#include <optional>
#include <string>

namespace bhm::usb {
struct HubOptions;
}

namespace bhm::scan {

struct SourceScan {
    std::string raw;     // AIM prefix (if any) + data, GS as 0x1D
    std::string reader;  // "VID:PID" in hex, or "stdin"
};

class ScanSource {
public:
    virtual ~ScanSource() = default;
    // The next scan within `timeout`, or nothing.
    virtual std::optional<SourceScan> next(std::chrono::milliseconds timeout) = 0;
    // True once no more scans can come (stdin closed). USB readers never run dry.
    virtual bool exhausted() const = 0;
};

std::unique_ptr<ScanSource> make_usb_source(const bhm::usb::HubOptions& options);
// Lines from stdin; typed escapes for GS ("\x1d", "<GS>") are turned into the byte.
std::unique_ptr<ScanSource> make_stdin_source();

// "VID:PID" as four hex digits each, e.g. "05e0:1200".
std::string reader_id(unsigned vendor_id, unsigned product_id);

}  // namespace bhm::scan
