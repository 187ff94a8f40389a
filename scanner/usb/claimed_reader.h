// One reader the hub has claimed: an open libusb handle, its interfaces detached from the
// kernel driver (when one was bound) and claimed, one asynchronous interrupt/bulk IN
// transfer always in flight, and the decoder for its personality. Completed scans go
// straight into the hub's queue. Unplugging (LIBUSB_TRANSFER_NO_DEVICE) or a broken
// endpoint marks it gone; the hub then drops it and keeps running.
#pragma once

#include <cstdint>
#include <deque>
#include <memory>
#include <string>
#include <variant>
#include <vector>

#include <libusb-1.0/libusb.h>

#include "scanner/usb/hid_pos_decoder.h"
#include "scanner/usb/keyboard_wedge_decoder.h"
#include "scanner/usb/reader_hub.h"
#include "scanner/usb/reader_selection.h"
#include "scanner/usb/serial_line_decoder.h"

namespace bhm::usb {

class ClaimedReader {
public:
    // Opens, detaches, claims and starts reading; nothing (with `error`) when any step fails.
    static std::unique_ptr<ClaimedReader> claim(libusb_context* context, libusb_device* device,
                                                const ReaderPlan& plan, std::deque<RawScan>& sink,
                                                std::string& error);
    ~ClaimedReader();
    ClaimedReader(const ClaimedReader&) = delete;
    ClaimedReader& operator=(const ClaimedReader&) = delete;

    const ReaderInfo& info() const { return plan_.info; }
    bool gone() const { return !gone_reason_.empty(); }
    const std::string& gone_reason() const { return gone_reason_; }

private:
    using Decoder = std::variant<KeyboardWedgeDecoder, HidPosDecoder, SerialLineDecoder>;

    ClaimedReader(libusb_context* context, libusb_device_handle* handle, const ReaderPlan& plan,
                  std::deque<RawScan>& sink);
    bool start(std::string& error);
    static void LIBUSB_CALL on_transfer(libusb_transfer* transfer);
    void completed(libusb_transfer* transfer);
    void deliver(const std::uint8_t* bytes, int length);

    libusb_context* context_;
    libusb_device_handle* handle_;
    ReaderPlan plan_;
    std::deque<RawScan>& sink_;
    Decoder decoder_;
    std::vector<std::uint8_t> buffer_;
    libusb_transfer* transfer_ = nullptr;
    std::vector<std::uint8_t> claimed_;   // interfaces claimed, to release
    std::vector<std::uint8_t> detached_;  // interfaces whose kernel driver we detached
    bool in_flight_ = false;
    bool stopping_ = false;
    std::string gone_reason_;
};

}  // namespace bhm::usb
