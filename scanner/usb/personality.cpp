// Names of the three USB personalities, as they appear in scanners.json and in
// `bhm-scan list`.
#include "scanner/usb/reader_hub.h"

namespace bhm::usb {

std::string to_string(Personality p) {
    switch (p) {
        case Personality::keyboard_wedge: return "keyboard_wedge";
        case Personality::hid_pos: return "hid_pos";
        case Personality::cdc_acm: return "cdc_acm";
    }
    return "unknown";
}

}  // namespace bhm::usb
