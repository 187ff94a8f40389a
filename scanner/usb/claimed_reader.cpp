// The libusb side of one reader. Kernel drivers are detached explicitly with
// libusb_kernel_driver_active()/libusb_detach_kernel_driver() and re-attached on release:
// libusb_set_auto_detach_kernel_driver() is not used because it fails under umockdev,
// which the replay tests run us in.
#include "scanner/usb/claimed_reader.h"

#include <chrono>

#include "scanner/usb/keyboard_layout.h"
#include "scanner/usb/usb_log.h"

namespace bhm::usb {

namespace {

std::string libusb_text(int code) { return std::string(libusb_error_name(code)); }

std::string access_hint(int code) {
    return code == LIBUSB_ERROR_ACCESS ? " (no permission: install hardware/udev/70-bhm-scanners.rules)" : "";
}

}  // namespace

ClaimedReader::ClaimedReader(libusb_context* context, libusb_device_handle* handle, const ReaderPlan& plan,
                             std::deque<RawScan>& sink)
    : context_(context), handle_(handle), plan_(plan), sink_(sink), decoder_(SerialLineDecoder{}) {
    if (plan.info.personality == Personality::keyboard_wedge)
        decoder_ = KeyboardWedgeDecoder(layout_from_name(plan.info.layout).value_or(KeyboardLayout::us));
    else if (plan.info.personality == Personality::hid_pos)
        decoder_ = HidPosDecoder(plan.pos_format);
    buffer_.resize(plan.packet_size);
}

std::unique_ptr<ClaimedReader> ClaimedReader::claim(libusb_context* context, libusb_device* device,
                                                    const ReaderPlan& plan, std::deque<RawScan>& sink,
                                                    std::string& error) {
    libusb_device_handle* handle = nullptr;
    int r = libusb_open(device, &handle);
    if (r != 0) {
        error = "cannot open: " + libusb_text(r) + access_hint(r);
        return nullptr;
    }
    std::unique_ptr<ClaimedReader> reader(new ClaimedReader(context, handle, plan, sink));
    if (!reader->start(error)) return nullptr;  // the destructor releases what was taken
    return reader;
}

bool ClaimedReader::start(std::string& error) {
    for (std::uint8_t itf : plan_.claim) {
        int active = libusb_kernel_driver_active(handle_, itf);
        if (active == 1) {
            int r = libusb_detach_kernel_driver(handle_, itf);
            if (r != 0) {
                error = "cannot detach the kernel driver from interface " + std::to_string(itf) + ": " + libusb_text(r);
                return false;
            }
            detached_.push_back(itf);
        }
        int r = libusb_claim_interface(handle_, itf);
        if (r != 0) {
            error = "cannot claim interface " + std::to_string(itf) + ": " + libusb_text(r) + access_hint(r);
            return false;
        }
        claimed_.push_back(itf);
    }
    if (plan_.boot_keyboard) {
        // SET_PROTOCOL(boot) (HID 1.11 §7.2.6): 8-byte boot reports whatever the report
        // descriptor says, which is what KeyboardWedgeDecoder reads.
        int r = libusb_control_transfer(handle_, 0x21, 0x0B, 0, *plan_.boot_keyboard, nullptr, 0, 1000);
        if (r < 0) log_usb("boot_protocol_not_set", reader_fields(plan_.info), libusb_text(r));
    }
    if (plan_.acm_control) {
        // SET_CONTROL_LINE_STATE (CDC PSTN 1.2 §6.3.12) with DTR and RTS, as a tty open
        // does; some readers only send once the host says it is there.
        int r = libusb_control_transfer(handle_, 0x21, 0x22, 0x0003, *plan_.acm_control, nullptr, 0, 1000);
        if (r < 0) log_usb("dtr_not_set", reader_fields(plan_.info), libusb_text(r));
    }
    transfer_ = libusb_alloc_transfer(0);
    if (!transfer_) {
        error = "cannot allocate a USB transfer";
        return false;
    }
    if (plan_.bulk)
        libusb_fill_bulk_transfer(transfer_, handle_, plan_.endpoint, buffer_.data(), static_cast<int>(buffer_.size()),
                                  &ClaimedReader::on_transfer, this, 0);
    else
        libusb_fill_interrupt_transfer(transfer_, handle_, plan_.endpoint, buffer_.data(),
                                       static_cast<int>(buffer_.size()), &ClaimedReader::on_transfer, this, 0);
    int r = libusb_submit_transfer(transfer_);
    if (r != 0) {
        error = "cannot start reading endpoint " + std::to_string(plan_.endpoint) + ": " + libusb_text(r);
        return false;
    }
    in_flight_ = true;
    return true;
}

void LIBUSB_CALL ClaimedReader::on_transfer(libusb_transfer* transfer) {
    static_cast<ClaimedReader*>(transfer->user_data)->completed(transfer);
}

void ClaimedReader::completed(libusb_transfer* transfer) {
    in_flight_ = false;
    switch (transfer->status) {
        case LIBUSB_TRANSFER_COMPLETED:
            deliver(transfer->buffer, transfer->actual_length);
            break;
        case LIBUSB_TRANSFER_TIMED_OUT:
            break;
        case LIBUSB_TRANSFER_CANCELLED:
            return;
        case LIBUSB_TRANSFER_NO_DEVICE:
            gone_reason_ = "unplugged";
            return;
        case LIBUSB_TRANSFER_STALL:
            gone_reason_ = "endpoint stalled";
            return;
        default:
            gone_reason_ = "transfer failed with status " + std::to_string(transfer->status);
            return;
    }
    if (stopping_) return;
    int r = libusb_submit_transfer(transfer);
    if (r == 0)
        in_flight_ = true;
    else
        gone_reason_ = r == LIBUSB_ERROR_NO_DEVICE ? "unplugged" : "cannot continue reading: " + libusb_text(r);
}

void ClaimedReader::deliver(const std::uint8_t* bytes, int length) {
    std::span<const std::uint8_t> chunk(bytes, static_cast<std::size_t>(length < 0 ? 0 : length));
    DecodeResult result = std::visit([&](auto& d) { return d.feed(chunk); }, decoder_);
    for (const auto& p : result.problems) log_usb("decode_problem", reader_fields(plan_.info), p);
    for (auto& s : result.scans) sink_.push_back(RawScan{std::move(s.data), std::move(s.symbology), plan_.info});
}

ClaimedReader::~ClaimedReader() {
    stopping_ = true;
    if (in_flight_) {
        libusb_cancel_transfer(transfer_);  // may fail when the transfer is completing anyway
        auto until = std::chrono::steady_clock::now() + std::chrono::seconds(1);
        while (in_flight_ && std::chrono::steady_clock::now() < until) {
            timeval tv{0, 50000};
            libusb_handle_events_timeout_completed(context_, &tv, nullptr);
        }
    }
    if (in_flight_) {
        // libusb still owns the transfer; freeing it now would be a use-after-free.
        log_usb("transfer_left_in_flight", reader_fields(plan_.info));
    } else if (transfer_) {
        libusb_free_transfer(transfer_);
    }
    for (auto it = claimed_.rbegin(); it != claimed_.rend(); ++it) libusb_release_interface(handle_, *it);
    // Give the interfaces back to their kernel driver (fails harmlessly when unplugged):
    // a reader dropped after an error must look as before, report descriptor and all.
    for (std::uint8_t itf : detached_) libusb_attach_kernel_driver(handle_, itf);
    libusb_close(handle_);
}

}  // namespace bhm::usb
