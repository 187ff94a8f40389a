// What a USB device says about itself, gathered without talking to it: descriptors from
// libusb (cached by the OS), the product name and HID report descriptors from sysfs
// (read by the kernel when it bound its drivers). Feeds the pure selection policy.
#pragma once

#include <optional>
#include <string>

#include <libusb-1.0/libusb.h>

#include "scanner/usb/reader_selection.h"

namespace bhm::usb {

// Nothing (with `error` set) when libusb cannot describe the device.
std::optional<DeviceFacts> read_device_facts(libusb_device* device, std::string& error);

// "001/002": bus number / device address, as in /dev/bus/usb.
std::string bus_path_of(libusb_device* device);

}  // namespace bhm::usb
