// Turns the byte stream of a CDC-ACM (USB serial) reader into scans: one scan per line,
// lines ending in CR, LF or CR LF, however the bytes were split into bulk packets.
// Blank lines are not scans. An AIM prefix the reader sends stays at the front.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "scanner/usb/decoded_scan.h"

namespace bhm::usb {

class SerialLineDecoder {
public:
    DecodeResult feed(std::span<const std::uint8_t> bytes);

    static constexpr std::size_t max_scan_bytes = 65536;

private:
    std::string line_;
    bool after_cr_ = false;  // a LF right after CR ends nothing new
    bool overlong_ = false;
};

}  // namespace bhm::usb
