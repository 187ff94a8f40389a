// HID POS scanned-data reports, joined across "continued" reports into one scan. A report
// whose byte count does not fit the report is refused with the numbers, and the scan in
// progress is dropped: a partial code must never look like a whole one.
#include "scanner/usb/hid_pos_decoder.h"

#include <algorithm>

namespace bhm::usb {

namespace {
constexpr std::size_t decoded_data_field = 56;  // Decoded Data: Report Count 56 in every layout seen
}  // namespace

HidPosDecoder::HidPosDecoder(HidPosFormat format) : format_(format) {}

DecodeResult HidPosDecoder::feed(std::span<const std::uint8_t> report) {
    DecodeResult out;
    std::size_t at = 0;
    if (format_.uses_report_id) {
        if (report.empty()) {
            out.problems.push_back("empty HID POS report ignored");
            return out;
        }
        if (report[0] != format_.report_id) return out;  // not a scanned-data report
        at = 1;
    }
    const std::size_t header = format_.aim_in_report ? 4 : 1;  // count (+ 3 AIM bytes)
    const std::size_t trailer = format_.aim_in_report ? 1 : 0;  // flags byte
    if (report.size() < at + header + trailer) {
        out.problems.push_back("HID POS report of " + std::to_string(report.size()) + " bytes is too short");
        return out;
    }
    std::size_t count = report[at];
    std::size_t data_at = at + header;
    std::size_t room = std::min(report.size() - data_at - trailer, decoded_data_field);
    if (count > room) {
        out.problems.push_back("HID POS report says " + std::to_string(count) + " data bytes but only " +
                               std::to_string(room) + " fit; scan dropped");
        data_.clear();
        symbology_.clear();
        in_scan_ = false;
        return out;
    }
    if (!in_scan_ && format_.aim_in_report && report[at + 1] == ']') {
        symbology_.assign(reinterpret_cast<const char*>(&report[at + 1]), 3);
    }
    in_scan_ = true;
    data_.append(reinterpret_cast<const char*>(report.data() + data_at), count);
    bool continued = format_.aim_in_report && (report[report.size() - 1] & 0x01);
    if (data_.size() > max_scan_bytes) {
        out.problems.push_back("HID POS scan longer than " + std::to_string(max_scan_bytes) + " bytes dropped");
        data_.clear();
        symbology_.clear();
        in_scan_ = false;
        return out;
    }
    if (!continued) {
        if (!data_.empty()) out.scans.push_back(DecodedScan{data_, symbology_});
        data_.clear();
        symbology_.clear();
        in_scan_ = false;
    }
    return out;
}

}  // namespace bhm::usb
