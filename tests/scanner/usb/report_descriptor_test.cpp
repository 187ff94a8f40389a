// HID report descriptor summaries: the boot keyboard from HID 1.11 Appendix E.6, a HID POS
// scanner descriptor, and descriptors that are cut short or badly nested.
#include <catch2/catch.hpp>

#include <cstdint>
#include <vector>

#include "scanner/usb/report_descriptor.h"

using namespace bhm::usb;

namespace {

const std::vector<std::uint8_t> boot_keyboard{
    0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x05, 0x07, 0x19, 0xE0, 0x29, 0xE7, 0x15, 0x00, 0x25, 0x01,
    0x75, 0x01, 0x95, 0x08, 0x81, 0x02, 0x95, 0x01, 0x75, 0x08, 0x81, 0x01, 0x95, 0x05, 0x75, 0x01,
    0x05, 0x08, 0x19, 0x01, 0x29, 0x05, 0x91, 0x02, 0x95, 0x01, 0x75, 0x03, 0x91, 0x01, 0x95, 0x06,
    0x75, 0x08, 0x15, 0x00, 0x25, 0x65, 0x05, 0x07, 0x19, 0x00, 0x29, 0x65, 0x81, 0x00, 0xC0};

const std::vector<std::uint8_t> pos_scanner{
    0x05, 0x8C, 0x09, 0x02, 0xA1, 0x01,              // Bar Code Scanner page, Bar Code Scanner, Application
    0x09, 0x12, 0xA1, 0x02, 0x85, 0x02,              // Scanned Data Report, Logical, Report ID 2
    0x75, 0x08, 0x95, 0x01, 0x05, 0x01, 0x09, 0x3B, 0x81, 0x02,  // Byte Count
    0x05, 0x8C, 0x09, 0xFB, 0x09, 0xFC, 0x09, 0xFD, 0x95, 0x03, 0x81, 0x02,  // Symbology Identifier 1..3
    0x95, 0x38, 0x09, 0xFE, 0x82, 0x02, 0x01,        // 56 bytes Decoded Data
    0x75, 0x01, 0x95, 0x01, 0x09, 0xFF, 0x81, 0x02,  // Decoded Data Continued
    0x95, 0x07, 0x81, 0x01, 0xC0, 0xC0};

}  // namespace

TEST_CASE("the HID boot keyboard descriptor is a keyboard and no barcode scanner") {
    auto out = summarize_report_descriptor(boot_keyboard);
    REQUIRE(out.summary);
    CHECK(out.summary->is_keyboard());
    CHECK_FALSE(out.summary->uses_barcode_scanner_page);
    CHECK_FALSE(out.summary->uses_report_ids);
    REQUIRE(out.summary->applications.size() == 1);
    CHECK(out.summary->applications[0] == std::make_pair<std::uint16_t, std::uint16_t>(0x01, 0x06));
}

TEST_CASE("a HID POS descriptor shows the barcode scanner page and the report ID of Decoded Data") {
    auto out = summarize_report_descriptor(pos_scanner);
    REQUIRE(out.summary);
    CHECK(out.summary->uses_barcode_scanner_page);
    CHECK_FALSE(out.summary->is_keyboard());
    CHECK(out.summary->uses_report_ids);
    REQUIRE(out.summary->scanned_data_report_id);
    CHECK(*out.summary->scanned_data_report_id == 0x02);
    CHECK(out.summary->applications[0] == std::make_pair<std::uint16_t, std::uint16_t>(0x8C, 0x02));
}

TEST_CASE("a descriptor cut inside an item is refused with the byte where it breaks") {
    std::vector<std::uint8_t> cut{0x05, 0x01, 0x09, 0x06, 0xA1, 0x01, 0x26, 0xFF};
    auto out = summarize_report_descriptor(cut);
    CHECK_FALSE(out.summary);
    CHECK(out.error.find("byte 6") != std::string::npos);
}

TEST_CASE("badly nested collections and empty descriptors are refused") {
    CHECK_FALSE(summarize_report_descriptor(std::vector<std::uint8_t>{0xC0}).summary);
    CHECK_FALSE(summarize_report_descriptor(std::vector<std::uint8_t>{0x09, 0x02, 0xA1, 0x01}).summary);
    CHECK_FALSE(summarize_report_descriptor(std::vector<std::uint8_t>{}).summary);
}
