// Turns the shared reader options into ReaderHub's HubOptions.
#include "scanner/commands/reader_options.h"

#include <cstdlib>

#ifndef BHM_DEFAULT_READERS_FILE
#define BHM_DEFAULT_READERS_FILE "hardware/scanners.json"
#endif

namespace bhm::scan {

namespace {
std::uint16_t hex16(const std::string& text, const std::string& whole) {
    if (text.empty() || text.size() > 4 || text.find_first_not_of("0123456789abcdefABCDEF") != std::string::npos)
        throw UsageError("--device needs VID:PID as hex, e.g. 05e0:1200; got '" + whole + "'");
    return static_cast<std::uint16_t>(std::strtoul(text.c_str(), nullptr, 16));
}
}  // namespace

bhm::usb::HubOptions hub_options_from(const Arguments& args) {
    bhm::usb::HubOptions options;
    options.known_readers_file = option_or_env(args, "readers", "BHM_READERS", BHM_DEFAULT_READERS_FILE);
    if (auto device = args.get("device")) {
        auto colon = device->find(':');
        if (colon == std::string::npos)
            throw UsageError("--device needs VID:PID as hex, e.g. 05e0:1200; got '" + *device + "'");
        options.named_device = std::make_pair(hex16(device->substr(0, colon), *device),
                                              hex16(device->substr(colon + 1), *device));
    }
    options.layout = args.value("layout", "");
    if (!options.layout.empty() && options.layout != "us" && options.layout != "no")
        throw UsageError("--layout must be 'us' or 'no', got '" + options.layout + "'");
    return options;
}

}  // namespace bhm::scan
