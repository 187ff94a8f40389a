// Reads just enough of a HID report descriptor (USB HID 1.11 §6.2.2, short and long
// items) to tell what kind of device an interface is: the top-level application
// collections with their usage page and usage, whether the Bar Code Scanner page (0x8C)
// appears, and which report ID carries Decoded Data (0x8C:0xFE).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace bhm::usb {

struct ReportDescriptorSummary {
    std::vector<std::pair<std::uint16_t, std::uint16_t>> applications;  // (usage page, usage)
    bool uses_barcode_scanner_page = false;                              // usage page 0x8C seen
    bool uses_report_ids = false;
    std::optional<std::uint8_t> scanned_data_report_id;  // report ID holding Decoded Data

    bool is_keyboard() const;  // an application collection Generic Desktop / Keyboard (0x01:0x06)
};

struct ReportDescriptorOutcome {
    std::optional<ReportDescriptorSummary> summary;
    std::string error;  // when summary is empty: what is wrong and at which byte
};

ReportDescriptorOutcome summarize_report_descriptor(std::span<const std::uint8_t> bytes);

}  // namespace bhm::usb
