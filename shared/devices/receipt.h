// Receiving a device whose model and serial are already registered. Serials are unique across the
// country, so the refusal cannot hide that the serial is taken; what it may say depends on whose device it is.
#pragma once

#include <string>

#include "shared/core/refusal.h"
#include "shared/devices/lifecycle.h"

namespace bhm {

// The registered device as the receiving unit knows it: whether it is theirs, and its tag and state.
struct RegisteredDevice {
    bool same_unit = false;
    std::string asset_tag;
    DeviceState state = DeviceState::received;
};

// The unit's own device: already_received, naming its asset tag and state. Another unit's device:
// serial_registered, naming neither its tag, nor its state, nor its unit, and saying that a device
// handed over between units comes by a transfer.
Refusal already_registered(const std::string& model_name, const std::string& serial, const RegisteredDevice& device);

}  // namespace bhm
