// HID POS scanned-data reports, byte by byte: one report, continued reports, other report
// IDs, bad byte counts, reports without report ID, the Newland no-AIM quirk, and a real
// Honeywell report as recorded in github.com/HenkVanAsselt/python_hon_usbhid.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "scanner/usb/hid_pos_decoder.h"

using namespace bhm::usb;

namespace {

// A 64-byte report: id, count, AIM, data padded to 56, two vendor bytes, flags.
std::vector<std::uint8_t> report(const std::string& aim, const std::string& data, bool continued,
                                 std::uint8_t id = 0x02) {
    std::vector<std::uint8_t> r{id, static_cast<std::uint8_t>(data.size())};
    for (int i = 0; i < 3; ++i) r.push_back(i < static_cast<int>(aim.size()) ? aim[i] : 0);
    for (char c : data) r.push_back(static_cast<std::uint8_t>(c));
    r.resize(61, 0);
    r.push_back(0x3F);  // Honeywell code ID byte, ignored
    r.push_back(0x00);
    r.push_back(continued ? 0x01 : 0x00);
    return r;
}

}  // namespace

TEST_CASE("one HID POS report gives its data and the AIM symbology beside it") {
    HidPosDecoder d;
    auto r = report("]d2", "0109506000134352", false);
    REQUIRE(r.size() == 64);
    auto out = d.feed(r);
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "0109506000134352");
    CHECK(out.scans[0].symbology == "]d2");
    CHECK(out.problems.empty());
}

TEST_CASE("continued HID POS reports are joined into one scan with the first report's symbology") {
    HidPosDecoder d;
    std::string first(56, 'A'), second = "B\x1D" "C";
    CHECK(d.feed(report("]C1", first, true)).scans.empty());
    auto out = d.feed(report("]C1", second, false));
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == first + second);
    CHECK(out.scans[0].symbology == "]C1");
}

TEST_CASE("reports with another report ID are skipped without a problem") {
    HidPosDecoder d;
    auto out = d.feed(report("]d2", "123", false, 0x04));
    CHECK(out.scans.empty());
    CHECK(out.problems.empty());
}

TEST_CASE("a byte count larger than the 56-byte data field is refused and the scan in progress is dropped") {
    HidPosDecoder d;
    d.feed(report("]C1", std::string(56, 'A'), true));
    auto bad = report("]C1", "x", false);
    bad[1] = 57;  // the Decoded Data field holds 56; byte 61 on is vendor data
    auto out = d.feed(bad);
    CHECK(out.scans.empty());
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].find("57") != std::string::npos);
    auto next = d.feed(report("]C1", "fresh", false));
    REQUIRE(next.scans.size() == 1);
    CHECK(next.scans[0].data == "fresh");  // nothing of the dropped scan leaks into the next
}

TEST_CASE("without report IDs every field moves one byte left") {
    HidPosDecoder d(HidPosFormat{false, 0, true});
    auto r = report("]Q1", "hello", false);
    r.erase(r.begin());
    auto out = d.feed(r);
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "hello");
    CHECK(out.scans[0].symbology == "]Q1");
}

TEST_CASE("a reader that sends no AIM identifier gives an empty symbology") {
    HidPosDecoder d;
    auto out = d.feed(report("", "12345", false));
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].symbology.empty());
}

TEST_CASE("the Newland no-AIM layout reads data from byte 2 and every report is a whole scan") {
    HidPosDecoder d(HidPosFormat{true, 0x02, false});
    std::vector<std::uint8_t> r(64, 0);
    r[0] = 0x02;
    r[1] = 4;
    r[2] = 'A', r[3] = 'B', r[4] = 'C', r[5] = 'D';
    r[62] = 0x32;  // Newland symbology ID, ignored
    auto out = d.feed(r);
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "ABCD");
    CHECK(out.scans[0].symbology.empty());
}

TEST_CASE("the last report of a recorded Honeywell Voyager answer decodes to its 9 bytes") {
    // [2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10, 0 x47, 63, 0, 0]
    std::vector<std::uint8_t> r{2, 9, 93, 88, 48, 117, 109, 58, 32, 78, 47, 65, 13, 10};
    r.resize(61, 0);
    r.push_back(63);
    r.push_back(0);
    r.push_back(0);
    HidPosDecoder d;
    auto out = d.feed(r);
    REQUIRE(out.scans.size() == 1);
    CHECK(out.scans[0].data == "um: N/A\r\n");
    CHECK(out.scans[0].symbology == "]X0");
}

TEST_CASE("a HID POS report too short for its header is refused") {
    HidPosDecoder d;
    std::vector<std::uint8_t> r{0x02, 0x01, ']'};
    auto out = d.feed(r);
    CHECK(out.scans.empty());
    REQUIRE(out.problems.size() == 1);
    CHECK(out.problems[0].find("too short") != std::string::npos);
}
