// Device facts from libusb + sysfs. The sysfs device directory is found by its busnum and
// devnum files under /sys/bus/usb/devices; a HID interface's report descriptor is the
// `report_descriptor` file of the hid device below "<device>:<config>.<interface>".
#include "scanner/usb/device_facts.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <vector>

namespace bhm::usb {

namespace fs = std::filesystem;

namespace {

const fs::path sysfs_usb_devices = "/sys/bus/usb/devices";

std::string read_text(const fs::path& p) {
    std::ifstream in(p);
    std::string s;
    std::getline(in, s);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ')) s.pop_back();
    return s;
}

std::vector<std::uint8_t> read_bytes(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::vector<std::uint8_t>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::optional<fs::path> sysfs_device_dir(int bus, int address) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(sysfs_usb_devices, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.find(':') != std::string::npos) continue;  // an interface, not a device
        std::string b = read_text(entry.path() / "busnum"), a = read_text(entry.path() / "devnum");
        if (b.empty() || a.empty()) continue;
        try {
            if (std::stoi(b) == bus && std::stoi(a) == address) return entry.path();
        } catch (const std::exception&) {
        }
    }
    return std::nullopt;
}

std::optional<ReportDescriptorSummary> sysfs_report(const fs::path& device_dir, int config, int interface) {
    fs::path dir = device_dir / (device_dir.filename().string() + ":" + std::to_string(config) + "." +
                                 std::to_string(interface));
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        fs::path file = entry.path() / "report_descriptor";
        if (!fs::exists(file, ec)) continue;
        auto bytes = read_bytes(file);
        auto outcome = summarize_report_descriptor(bytes);
        if (outcome.summary) return outcome.summary;
        std::fprintf(stderr, "usb event=bad_report_descriptor file=%s problem=\"%s\"\n", file.c_str(),
                     outcome.error.c_str());
    }
    return std::nullopt;
}

}  // namespace

std::string bus_path_of(libusb_device* device) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%03u/%03u", libusb_get_bus_number(device), libusb_get_device_address(device));
    return buf;
}

std::optional<DeviceFacts> read_device_facts(libusb_device* device, std::string& error) {
    libusb_device_descriptor desc{};
    int r = libusb_get_device_descriptor(device, &desc);
    if (r != 0) {
        error = std::string("no device descriptor: ") + libusb_error_name(r);
        return std::nullopt;
    }
    libusb_config_descriptor* config = nullptr;
    r = libusb_get_active_config_descriptor(device, &config);
    if (r != 0) {
        error = std::string("no active configuration: ") + libusb_error_name(r);
        return std::nullopt;
    }
    DeviceFacts facts;
    facts.vendor_id = desc.idVendor;
    facts.product_id = desc.idProduct;
    facts.device_class = desc.bDeviceClass;
    facts.bus_path = bus_path_of(device);
    auto dir = sysfs_device_dir(libusb_get_bus_number(device), libusb_get_device_address(device));
    if (dir) facts.product_name = read_text(*dir / "product");
    for (int i = 0; i < config->bNumInterfaces; ++i) {
        const libusb_interface& itf = config->interface[i];
        if (itf.num_altsetting < 1) continue;
        const libusb_interface_descriptor& alt = itf.altsetting[0];
        InterfaceFacts f;
        f.number = alt.bInterfaceNumber;
        f.class_code = alt.bInterfaceClass;
        f.subclass = alt.bInterfaceSubClass;
        f.protocol = alt.bInterfaceProtocol;
        for (int e = 0; e < alt.bNumEndpoints; ++e)
            f.endpoints.push_back({alt.endpoint[e].bEndpointAddress, alt.endpoint[e].bmAttributes,
                                   static_cast<std::uint16_t>(alt.endpoint[e].wMaxPacketSize & 0x7FF)});
        if (f.class_code == 0x03 && dir) f.report = sysfs_report(*dir, config->bConfigurationValue, f.number);
        facts.interfaces.push_back(std::move(f));
    }
    libusb_free_config_descriptor(config);
    return facts;
}

}  // namespace bhm::usb
