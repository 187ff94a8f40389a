// The store's devices: one row per device with its lifecycle state and a version; update_device
// succeeds only if device.version is the stored one, and bumps it (StaleWrite otherwise, db/store.h).
// A narrow interface that Transaction inherits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

struct DeviceFilter {
    std::optional<Id> unit_id;                 // required unless region-wide
    std::optional<Id> region_id;
    std::optional<DeviceState> state;
    std::optional<std::string> category;
    std::optional<Id> reserved_case_id;
};

class DeviceRecords {
public:
    virtual ~DeviceRecords() = default;

    // Devices. update_device succeeds only if device.version is the stored one, and bumps it.
    virtual Id insert_device(const Device&) = 0;
    virtual void update_device(Device&) = 0;
    virtual std::optional<Device> device(Id) = 0;
    virtual std::optional<Device> device_by_asset_tag(const std::string& tag) = 0;
    virtual std::optional<Device> device_by_model_serial(Id model_id, const std::string& serial) = 0;
    virtual std::vector<Device> devices(const DeviceFilter&, const Page&) = 0;
    virtual std::uint32_t next_asset_number() = 0;
    // Devices whose periodic inspection is due on or before `by` (not retired/lost).
    virtual std::vector<Device> devices_inspection_due(Id unit_id, Date by) = 0;
    // The same, a page at a time: never inspected first, then by due date, then id.
    virtual std::vector<Device> devices_inspection_due(Id unit_id, Date by, const DatedPage&) = 0;
    // The unit's devices received within [from, to], in no particular order (reports).
    virtual std::vector<Device> devices_received_between(Id unit_id, Timestamp from, Timestamp to) = 0;
};

}  // namespace bhm::db
