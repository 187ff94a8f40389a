// The selection policy, pure: given what a USB device says about itself, do we claim it,
// with which personality, and which interface/endpoint do we read?
//   known (scanners.json)                          -> its personality
//   unknown, a HID interface whose report descriptor uses usage page 0x8C -> hid_pos
//   unknown, a CDC-ACM data interface (class 0x0A with a bulk IN endpoint) -> cdc_acm
//   unknown boot keyboard                           -> only when named with --device VID:PID
// Anything else (a person's own keyboard, a mouse, a disk) is never claimed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scanner/usb/hid_pos_decoder.h"
#include "scanner/usb/known_readers.h"
#include "scanner/usb/reader_hub.h"
#include "scanner/usb/report_descriptor.h"

namespace bhm::usb {

struct EndpointFacts {
    std::uint8_t address = 0;     // bit 7 set = IN
    std::uint8_t attributes = 0;  // bits 0..1: 2 = bulk, 3 = interrupt
    std::uint16_t max_packet_size = 0;
};

struct InterfaceFacts {
    std::uint8_t number = 0;
    std::uint8_t class_code = 0, subclass = 0, protocol = 0;
    std::vector<EndpointFacts> endpoints;
    std::optional<ReportDescriptorSummary> report;  // HID interfaces, when the OS showed it
};

struct DeviceFacts {
    std::uint16_t vendor_id = 0, product_id = 0;
    std::uint8_t device_class = 0;
    std::string product_name;  // from the device, may be empty
    std::string bus_path;      // "001/002"
    std::vector<InterfaceFacts> interfaces;
};

struct SelectionOptions {
    std::optional<std::pair<std::uint16_t, std::uint16_t>> named_device;
    std::string layout;  // "" = per reader, else "us" | "no"
};

// How to read a claimed reader.
struct ReaderPlan {
    ReaderInfo info;
    std::vector<std::uint8_t> claim;          // interfaces to claim, in order
    std::uint8_t endpoint = 0;                 // IN endpoint to read
    std::uint16_t packet_size = 0;             // bytes per transfer (the endpoint's max packet)
    bool bulk = false;                         // bulk (CDC) or interrupt (HID)
    std::optional<std::uint8_t> acm_control;   // CDC communication interface, for DTR/RTS
    std::optional<std::uint8_t> boot_keyboard; // wedge interface with boot subclass, for SET_PROTOCOL
    HidPosFormat pos_format;
};

struct SelectionOutcome {
    std::optional<ReaderPlan> plan;
    std::string reason;  // why the device is or is not claimed, for logs
};

SelectionOutcome select_reader(const DeviceFacts& device, const KnownReaders& known,
                               const SelectionOptions& options);

}  // namespace bhm::usb
