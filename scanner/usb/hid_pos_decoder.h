// Turns HID Point-of-Sale barcode scanner input reports (usage page 0x8C) into scans.
//
// The layout implemented, byte by byte, for the "Scanned Data Report" (usage 0x8C:0x12)
// as Honeywell, Zebra and Datalogic readers send it in HID POS mode (64-byte report):
//   [0]       report ID, 0x02 (absent when the report descriptor uses no report IDs;
//             everything below then moves one byte left)
//   [1]       number of Decoded Data bytes in THIS report (Generic Desktop Byte Count)
//   [2..4]    Symbology Identifier 1..3 (0x8C:0xFB..0xFD): the AIM identifier, e.g. "]d2";
//             zero bytes when the reader sends none
//   [5..60]   Decoded Data (0x8C:0xFE), a 56-byte field, zero padded; a count above 56
//             (or above what the report has room for) is refused
//   [..-2]    vendor bytes (Honeywell: its own code ID), ignored
//   [last]    bit 0 = Decoded Data Continued (0x8C:0xFF): more of the same scan follows
// Sources: USB HID Point of Sale Usage Tables 1.02, Bar Code Scanner page (usage names);
// a recorded Honeywell Voyager exchange (github.com/HenkVanAsselt/python_hon_usbhid,
// README: 02 38 5D 58 30 <56 data bytes> 3F 00 01 ... last report ... 00) and the
// WebHidBarcodeScanner reader (github.com/NielsLeenheer/WebHidBarcodeScanner, src/main.js).
// Reports with another report ID (status, attributes) are skipped.
//
// Quirk "hid_pos_no_aim" (Newland, see hardware/scanners.json): [1] count, data from [2],
// no symbology and no continuation flag, so every report is a whole scan.
#pragma once

#include <cstdint>
#include <span>
#include <string>

#include "scanner/usb/decoded_scan.h"

namespace bhm::usb {

struct HidPosFormat {
    bool uses_report_id = true;
    std::uint8_t report_id = 0x02;
    bool aim_in_report = true;  // false with the "hid_pos_no_aim" quirk
};

class HidPosDecoder {
public:
    explicit HidPosDecoder(HidPosFormat format = {});

    DecodeResult feed(std::span<const std::uint8_t> report);

    static constexpr std::size_t max_scan_bytes = 65536;

private:
    HidPosFormat format_;
    std::string data_;
    std::string symbology_;
    bool in_scan_ = false;
};

}  // namespace bhm::usb
