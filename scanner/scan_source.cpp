// The two scan sources. Stdin is read with poll() so that the listen loop's --timeout and
// a signal can stop it between lines; an unfinished last line at end of input still counts.
#include "scanner/scan_source.h"

#include <cerrno>
#include <cstdio>

#include <poll.h>
#include <unistd.h>

#include "scanner/text_escapes.h"
#include "scanner/usb/reader_hub.h"

namespace bhm::scan {

std::string reader_id(unsigned vendor_id, unsigned product_id) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04x:%04x", vendor_id & 0xffffu, product_id & 0xffffu);
    return buf;
}

namespace {

class UsbSource : public ScanSource {
public:
    explicit UsbSource(const bhm::usb::HubOptions& options) : hub_(options) {}

    std::optional<SourceScan> next(std::chrono::milliseconds timeout) override {
        auto scan = hub_.next(timeout);
        if (!scan) return std::nullopt;
        SourceScan out;
        // HID POS readers report the symbology beside the data; put it in front like
        // a reader that sends it in-band, so the parser sees one form.
        if (!scan->symbology.empty() && scan->data.rfind("]", 0) != 0) out.raw = scan->symbology;
        out.raw += scan->data;
        out.reader = reader_id(scan->reader.vendor_id, scan->reader.product_id);
        return out;
    }
    bool exhausted() const override { return false; }

private:
    bhm::usb::ReaderHub hub_;
};

class StdinSource : public ScanSource {
public:
    std::optional<SourceScan> next(std::chrono::milliseconds timeout) override {
        if (auto line = take_line()) return line;
        if (closed_) return std::nullopt;
        pollfd fd{STDIN_FILENO, POLLIN, 0};
        int ready = ::poll(&fd, 1, static_cast<int>(timeout.count()));
        if (ready <= 0) return std::nullopt;
        char buf[4096];
        ssize_t n = ::read(STDIN_FILENO, buf, sizeof buf);
        if (n < 0 && errno == EINTR) return std::nullopt;
        if (n <= 0) {
            closed_ = true;
            if (!pending_.empty()) pending_ += '\n';  // the last line had no newline
        } else {
            pending_.append(buf, static_cast<std::size_t>(n));
        }
        return take_line();
    }
    bool exhausted() const override { return closed_ && pending_.empty(); }

private:
    std::optional<SourceScan> take_line() {
        for (;;) {
            auto end = pending_.find('\n');
            if (end == std::string::npos) return std::nullopt;
            std::string line = pending_.substr(0, end);
            pending_.erase(0, end + 1);
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (line.empty()) continue;  // a blank line is not a scan
            return SourceScan{unescape_scan_text(line), "stdin"};
        }
    }

    std::string pending_;
    bool closed_ = false;
};

}  // namespace

std::unique_ptr<ScanSource> make_usb_source(const bhm::usb::HubOptions& options) {
    return std::make_unique<UsbSource>(options);
}

std::unique_ptr<ScanSource> make_stdin_source() { return std::make_unique<StdinSource>(); }

}  // namespace bhm::scan
