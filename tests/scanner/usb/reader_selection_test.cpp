// The selection policy: known readers get their personality, unknown HID POS and CDC-ACM
// devices are recognised by their interfaces, and a keyboard is only claimed when named.
#include <catch2/catch.hpp>

#include "scanner/usb/reader_selection.h"

using namespace bhm::usb;

namespace {

InterfaceFacts hid(std::uint8_t number, std::uint8_t sub, std::uint8_t proto, std::uint16_t packet,
                   std::optional<ReportDescriptorSummary> report = std::nullopt) {
    InterfaceFacts i;
    i.number = number;
    i.class_code = 0x03;
    i.subclass = sub;
    i.protocol = proto;
    i.endpoints.push_back({0x81, 0x03, packet});
    i.report = report;
    return i;
}

ReportDescriptorSummary pos_report() {
    ReportDescriptorSummary s;
    s.applications.push_back({0x8C, 0x02});
    s.uses_barcode_scanner_page = true;
    s.uses_report_ids = true;
    s.scanned_data_report_id = 0x05;
    return s;
}

DeviceFacts device(std::uint16_t vid, std::uint16_t pid, std::vector<InterfaceFacts> interfaces) {
    DeviceFacts d;
    d.vendor_id = vid;
    d.product_id = pid;
    d.bus_path = "001/007";
    d.product_name = "Some device";
    d.interfaces = std::move(interfaces);
    return d;
}

DeviceFacts cdc_device(std::uint16_t vid, std::uint16_t pid) {
    InterfaceFacts comm;
    comm.number = 0;
    comm.class_code = 0x02;
    comm.subclass = 0x02;
    comm.endpoints.push_back({0x83, 0x03, 8});
    InterfaceFacts data;
    data.number = 1;
    data.class_code = 0x0A;
    data.endpoints.push_back({0x02, 0x02, 64});
    data.endpoints.push_back({0x81, 0x02, 64});
    return device(vid, pid, {comm, data});
}

KnownReaders known() {
    std::vector<KnownReader> list;
    list.push_back({0x05e0, 0x1200, "Zebra wedge", KnownPersonality::keyboard_wedge, "no", {}, "test"});
    list.push_back({0x0c2e, 0x0b81, "Voyager", KnownPersonality::by_interface, "us", {}, "test"});
    list.push_back({0x1eab, 0x1d10, "Newland", KnownPersonality::hid_pos, "us", {"hid_pos_no_aim"}, "test"});
    list.push_back({0x05e0, 0x1701, "Zebra CDC", KnownPersonality::cdc_acm, "us", {}, "test"});
    return KnownReaders(std::move(list));
}

}  // namespace

TEST_CASE("a known wedge reader is claimed as keyboard_wedge with its layout and --layout overrides it") {
    auto d = device(0x05e0, 0x1200, {hid(0, 1, 1, 8)});
    auto out = select_reader(d, known(), {});
    REQUIRE(out.plan);
    CHECK(out.plan->info.personality == Personality::keyboard_wedge);
    CHECK(out.plan->info.known);
    CHECK(out.plan->info.name == "Zebra wedge");
    CHECK(out.plan->info.layout == "no");
    CHECK(out.plan->endpoint == 0x81);
    CHECK(out.plan->packet_size == 8);
    CHECK_FALSE(out.plan->bulk);
    REQUIRE(out.plan->boot_keyboard);  // asked for 8-byte boot reports
    CHECK(*out.plan->boot_keyboard == 0);
    SelectionOptions us;
    us.layout = "us";
    CHECK(select_reader(d, known(), us).plan->info.layout == "us");
}

TEST_CASE("an unknown HID device with the barcode scanner usage page is claimed as hid_pos") {
    auto out = select_reader(device(0x16c0, 0x03e9, {hid(0, 0, 0, 64, pos_report())}), known(), {});
    REQUIRE(out.plan);
    CHECK(out.plan->info.personality == Personality::hid_pos);
    CHECK_FALSE(out.plan->info.known);
    CHECK(out.plan->pos_format.report_id == 0x05);
    CHECK(out.plan->pos_format.aim_in_report);
    CHECK(out.plan->packet_size == 64);
}

TEST_CASE("an unknown CDC-ACM device is claimed as cdc_acm reading the bulk IN of its data interface") {
    auto out = select_reader(cdc_device(0x2341, 0x0043), known(), {});
    REQUIRE(out.plan);
    CHECK(out.plan->info.personality == Personality::cdc_acm);
    CHECK(out.plan->bulk);
    CHECK(out.plan->endpoint == 0x81);
    CHECK(out.plan->claim == std::vector<std::uint8_t>{0, 1});
    REQUIRE(out.plan->acm_control);
    CHECK(*out.plan->acm_control == 0);
}

TEST_CASE("an unknown keyboard is never claimed unless it is named with --device") {
    ReportDescriptorSummary kb;
    kb.applications.push_back({0x01, 0x06});
    auto d = device(0x16c0, 0x03e8, {hid(0, 1, 1, 8, kb)});
    auto out = select_reader(d, known(), {});
    CHECK_FALSE(out.plan);
    CHECK(out.reason.find("--device 16c0:03e8") != std::string::npos);
    SelectionOptions named;
    named.named_device = std::make_pair<std::uint16_t, std::uint16_t>(0x16c0, 0x03e8);
    auto claimed = select_reader(d, known(), named);
    REQUIRE(claimed.plan);
    CHECK(claimed.plan->info.personality == Personality::keyboard_wedge);
    CHECK(claimed.plan->info.layout == "us");
    SelectionOptions other;
    other.named_device = std::make_pair<std::uint16_t, std::uint16_t>(0x16c0, 0x03e9);
    CHECK_FALSE(select_reader(d, known(), other).plan);
}

TEST_CASE("a mouse is never claimed even when named") {
    SelectionOptions named;
    named.named_device = std::make_pair<std::uint16_t, std::uint16_t>(0x046d, 0xc077);
    CHECK_FALSE(select_reader(device(0x046d, 0xc077, {hid(0, 1, 2, 4)}), known(), named).plan);
}

TEST_CASE("a known by_interface reader takes the personality its interfaces show including keyboard") {
    auto as_cdc = cdc_device(0x0c2e, 0x0b81);
    CHECK(select_reader(as_cdc, known(), {}).plan->info.personality == Personality::cdc_acm);
    auto as_keyboard = device(0x0c2e, 0x0b81, {hid(0, 1, 1, 8)});
    auto out = select_reader(as_keyboard, known(), {});
    REQUIRE(out.plan);
    CHECK(out.plan->info.personality == Personality::keyboard_wedge);
    CHECK(out.plan->info.name == "Voyager");
}

TEST_CASE("a composite reader listed as hid_pos reads its POS interface and not its keyboard") {
    auto d = device(0x1eab, 0x1d10, {hid(0, 1, 1, 8), hid(1, 0, 0, 64)});
    auto out = select_reader(d, known(), {});
    REQUIRE(out.plan);
    CHECK(out.plan->claim == std::vector<std::uint8_t>{1});
    CHECK_FALSE(out.plan->pos_format.aim_in_report);  // the Newland quirk
}

TEST_CASE("a known reader without an interface for its personality is not claimed and says why") {
    auto out = select_reader(device(0x05e0, 0x1701, {hid(0, 1, 1, 8)}), known(), {});
    CHECK_FALSE(out.plan);
    CHECK(out.reason.find("cdc_acm") != std::string::npos);
}
