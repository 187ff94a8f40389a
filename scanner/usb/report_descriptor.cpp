// A small walk over HID report descriptor items. Global Usage Page and Report ID are kept
// (with Push/Pop), local Usages are collected until the next Main item, and an
// Application collection opened at the top level is recorded with its first usage.
#include "scanner/usb/report_descriptor.h"

#include <algorithm>

namespace bhm::usb {

namespace {

constexpr std::uint16_t barcode_scanner_page = 0x8C;
constexpr std::uint16_t decoded_data_usage = 0xFE;

struct Globals {
    std::uint16_t usage_page = 0;
    std::uint8_t report_id = 0;
};

}  // namespace

bool ReportDescriptorSummary::is_keyboard() const {
    return std::find(applications.begin(), applications.end(), std::make_pair<std::uint16_t, std::uint16_t>(0x01, 0x06)) !=
           applications.end();
}

ReportDescriptorOutcome summarize_report_descriptor(std::span<const std::uint8_t> bytes) {
    ReportDescriptorSummary s;
    Globals g;
    std::vector<Globals> stack;
    std::vector<std::uint32_t> usages;  // local usages; high 16 bits = page when given in full
    int depth = 0;
    std::size_t i = 0;
    if (bytes.empty()) return {std::nullopt, "report descriptor is empty"};
    while (i < bytes.size()) {
        std::uint8_t prefix = bytes[i];
        if (prefix == 0xFE) {  // long item: FE size tag data...
            if (i + 2 >= bytes.size() || i + 3 + bytes[i + 1] > bytes.size())
                return {std::nullopt, "long item cut short at byte " + std::to_string(i)};
            i += 3 + bytes[i + 1];
            continue;
        }
        std::size_t size = prefix & 0x03;
        if (size == 3) size = 4;
        if (i + 1 + size > bytes.size())
            return {std::nullopt, "item at byte " + std::to_string(i) + " needs " + std::to_string(size) +
                                      " data bytes but the descriptor ends"};
        std::uint32_t value = 0;
        for (std::size_t k = 0; k < size; ++k) value |= static_cast<std::uint32_t>(bytes[i + 1 + k]) << (8 * k);
        std::uint8_t type = (prefix >> 2) & 0x03;
        std::uint8_t tag = prefix >> 4;
        i += 1 + size;

        if (type == 1) {  // global
            if (tag == 0x0) {
                g.usage_page = static_cast<std::uint16_t>(value);
                if (g.usage_page == barcode_scanner_page) s.uses_barcode_scanner_page = true;
            } else if (tag == 0x8) {
                g.report_id = static_cast<std::uint8_t>(value);
                s.uses_report_ids = true;
            } else if (tag == 0xA) {
                stack.push_back(g);
            } else if (tag == 0xB) {
                if (stack.empty()) return {std::nullopt, "Pop without Push at byte " + std::to_string(i - 1 - size)};
                g = stack.back();
                stack.pop_back();
            }
        } else if (type == 2) {  // local
            if (tag == 0x0) {
                std::uint32_t usage = size == 4 ? value : (static_cast<std::uint32_t>(g.usage_page) << 16) | value;
                if ((usage >> 16) == barcode_scanner_page) s.uses_barcode_scanner_page = true;
                usages.push_back(usage);
            }
        } else if (type == 0) {  // main
            if (tag == 0xA) {  // Collection
                if (depth == 0 && value == 0x01 && !usages.empty())
                    s.applications.emplace_back(static_cast<std::uint16_t>(usages.front() >> 16),
                                                static_cast<std::uint16_t>(usages.front() & 0xFFFF));
                ++depth;
            } else if (tag == 0xC) {  // End Collection
                if (depth == 0)
                    return {std::nullopt, "End Collection without Collection at byte " + std::to_string(i - 1 - size)};
                --depth;
            } else if (tag == 0x8) {  // Input
                for (std::uint32_t u : usages)
                    if (u == ((static_cast<std::uint32_t>(barcode_scanner_page) << 16) | decoded_data_usage) &&
                        !s.scanned_data_report_id)
                        s.scanned_data_report_id = g.report_id;
            }
            usages.clear();
        }
    }
    if (depth != 0) return {std::nullopt, "report descriptor ends inside a collection"};
    return {s, ""};
}

}  // namespace bhm::usb
