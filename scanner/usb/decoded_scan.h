// What every reader decoder hands back after a chunk of raw USB bytes: the scans it
// completed and, separately, plain-language problems (a dropped scan, a bad report), so
// the hub can log them without the decoders knowing about logging or libusb.
#pragma once

#include <string>
#include <vector>

namespace bhm::usb {

struct DecodedScan {
    std::string data;       // scan bytes, terminator removed, GS as 0x1D
    std::string symbology;  // AIM identifier sent beside the data (HID POS), else ""
};

struct DecodeResult {
    std::vector<DecodedScan> scans;
    std::vector<std::string> problems;
};

}  // namespace bhm::usb
