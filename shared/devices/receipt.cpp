// The refusal for a serial that is already registered (shared/devices/receipt.h).
#include "shared/devices/receipt.h"

namespace bhm {

Refusal already_registered(const std::string& model_name, const std::string& serial, const RegisteredDevice& device) {
    const std::string what = "This device (" + model_name + ", serial " + serial + ")";
    if (device.same_unit) {
        return Refusal{"already_received",
                       what + " is already registered as " + device.asset_tag + ", state " + to_string(device.state) +
                           ".",
                       ""};
    }
    return Refusal{"serial_registered",
                   what + " cannot be registered here: the serial number is already registered. Check the serial on "
                          "the label. A device handed over from another unit comes with its case by a transfer.",
                   ""};
}

}  // namespace bhm
