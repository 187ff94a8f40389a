// Turns the 8-byte boot-protocol keyboard reports of a keyboard-wedge reader into scans.
// Report layout (USB HID 1.11, Appendix B.1): byte 0 modifiers (bit 0 LCtrl, 1 LShift,
// 2 LAlt, 3 LGUI, 4 RCtrl, 5 RShift, 6 RAlt = AltGr, 7 RGUI), byte 1 reserved, bytes 2..7
// the usages of the keys held down. A key is typed when it appears in a report and was
// not held in the one before (so "11" needs a release report between the two 1s).
// Enter, keypad Enter and Tab end a scan. Ctrl+] (or Ctrl with usage 0x30, whatever the
// layout) and Alt held while typing keypad digits (Alt+0029) give the group separator.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "scanner/usb/decoded_scan.h"
#include "scanner/usb/keyboard_layout.h"

namespace bhm::usb {

class KeyboardWedgeDecoder {
public:
    explicit KeyboardWedgeDecoder(KeyboardLayout layout);

    // One interrupt-IN report. Completed scans and problems come back; state carries over.
    DecodeResult feed(std::span<const std::uint8_t> report);

    static constexpr std::size_t report_size = 8;
    static constexpr std::size_t max_scan_bytes = 8192;

private:
    void press(std::uint8_t usage, std::uint8_t modifiers, DecodeResult& out);
    void finish_alt_code();
    void end_scan(DecodeResult& out);
    void spoil(std::string why);

    KeyboardLayout layout_;
    std::vector<std::uint8_t> held_;  // keys down in the previous report
    std::string scan_;
    std::string spoiled_;             // why the scan in progress cannot be trusted, if so
    bool alt_code_active_ = false;
    int alt_code_ = 0;
};

}  // namespace bhm::usb
