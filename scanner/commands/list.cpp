// `bhm-scan list`: the readers attached now that the station would use, and the USB
// personality chosen for each, one line per reader.
#include <iostream>

#include "scanner/commands/commands.h"
#include "scanner/commands/reader_options.h"
#include "scanner/scan_source.h"

namespace bhm::scan {

int run_list(const Words& words) {
    Arguments args = Arguments::parse(words, OptionSpec{reader_option_names, {}, false});
    bhm::usb::ReaderHub hub(hub_options_from(args));
    auto readers = hub.attached();
    if (readers.empty()) {
        std::cout << "no barcode reader attached\n";
        return exit_ok;
    }
    for (const auto& r : readers) {
        std::cout << reader_id(r.vendor_id, r.product_id) << "  " << bhm::usb::to_string(r.personality)
                  << "  bus " << r.bus_path << "  " << (r.name.empty() ? "(unnamed reader)" : r.name)
                  << (r.known ? "" : "  [not in scanners.json]")
                  << (r.personality == bhm::usb::Personality::keyboard_wedge && !r.layout.empty()
                          ? "  layout " + r.layout
                          : "")
                  << "\n";
    }
    return exit_ok;
}

}  // namespace bhm::scan
