// Line splitting for serial readers. An over-long line (a reader stuck without its
// terminator) is dropped once its end arrives, with a problem saying so.
#include "scanner/usb/serial_line_decoder.h"

namespace bhm::usb {

DecodeResult SerialLineDecoder::feed(std::span<const std::uint8_t> bytes) {
    DecodeResult out;
    for (std::uint8_t b : bytes) {
        if (b == '\r' || b == '\n') {
            bool lf_after_cr = (b == '\n' && after_cr_);
            after_cr_ = (b == '\r');
            if (lf_after_cr) continue;
            if (overlong_) {
                out.problems.push_back("serial line longer than " + std::to_string(max_scan_bytes) +
                                       " bytes dropped");
            } else if (!line_.empty()) {
                out.scans.push_back(DecodedScan{line_, ""});
            }
            line_.clear();
            overlong_ = false;
            continue;
        }
        after_cr_ = false;
        if (overlong_) continue;
        line_ += static_cast<char>(b);
        if (line_.size() > max_scan_bytes) {
            overlong_ = true;
            line_.clear();
        }
    }
    return out;
}

}  // namespace bhm::usb
