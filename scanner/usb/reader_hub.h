// The one door between the scan station and its USB barcode readers.
// ReaderHub finds attached readers (known ones from hardware/scanners.json, or
// safe-by-interface unknown ones), claims them through libusb, follows hot-plug,
// and hands out one RawScan per completed scan. Everything libusb lives behind it.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bhm::usb {

// The three USB personalities a handheld reader can present.
enum class Personality { keyboard_wedge, hid_pos, cdc_acm };

// "keyboard_wedge" | "hid_pos" | "cdc_acm"
std::string to_string(Personality p);

struct ReaderInfo {
    std::uint16_t vendor_id = 0;
    std::uint16_t product_id = 0;
    std::string name;           // from scanners.json, or the USB product string
    Personality personality = Personality::keyboard_wedge;
    std::string bus_path;       // e.g. "001/002"
    bool known = false;         // listed in scanners.json
    std::string layout;         // keyboard layout for wedge readers: "us" | "no"
};

// One completed scan, as the reader delivered it.
struct RawScan {
    std::string data;       // bytes of the scan, terminator removed; GS1 separators as 0x1D;
                            // an AIM prefix ("]d2") stays in front if the reader sent it in-band
    std::string symbology;  // AIM id the reader reported out-of-band (HID POS), else ""
    ReaderInfo reader;
};

struct HubOptions {
    std::string known_readers_file;   // path of hardware/scanners.json
    // --device VID:PID: the station explicitly names a (wedge) reader to claim.
    std::optional<std::pair<std::uint16_t, std::uint16_t>> named_device;
    std::string layout;               // "" = per reader from scanners.json, else "us" | "no"
};

class ReaderHub {
public:
    explicit ReaderHub(HubOptions options);
    ~ReaderHub();
    ReaderHub(const ReaderHub&) = delete;
    ReaderHub& operator=(const ReaderHub&) = delete;

    // Readers attached now that the hub would claim, with the personality chosen.
    std::vector<ReaderInfo> attached();

    // Waits up to `timeout` for the next completed scan from any claimed reader.
    // Follows hot-plug: readers unplugged and plugged back are picked up again.
    std::optional<RawScan> next(std::chrono::milliseconds timeout);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bhm::usb
