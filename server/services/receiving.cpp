// Receive, clean and shelve: the warehouse's own workflows on a device.
#include "server/services/receiving.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/recalls.h"
#include "shared/devices/warehouse_checks.h"
#include "server/views/views.h"
#include "shared/barcode/asset_tag.h"
#include "shared/core/identifier.h"
#include "shared/devices/receipt.h"

namespace bhm::server {
namespace {

db::Location own_location(db::Transaction& tx, const Actor& actor, db::Id location_id) {
    auto location = tx.location(location_id);
    if (!location) not_found("Location " + std::to_string(location_id));
    auto warehouse = tx.warehouse(location->warehouse_id);
    if (!warehouse || warehouse->unit_id != actor.caller.unit_id) not_found("Location " + std::to_string(location_id));
    return *location;
}

db::Id default_warehouse(db::Transaction& tx, const Actor& actor) {
    auto warehouses = tx.warehouses(actor.caller.unit_id);
    if (warehouses.empty()) refuse(RefusalKind::refused, "no_warehouse", "Your unit has no warehouse to receive devices into.");
    return warehouses.front().id;
}

}  // namespace

ReceiveOutcome receive_device(db::Transaction& tx, const Actor& actor, const ReceiveCommand& command) {
    std::optional<db::Model> model;
    if (command.model_id) model = tx.model(*command.model_id);
    else if (!command.gtin.empty()) model = tx.model_by_gtin(command.gtin);
    if (!model) {
        refuse(RefusalKind::refused, "unknown_model",
             command.gtin.empty() ? "There is no such device model in the catalogue."
                                  : "No device model with GTIN " + command.gtin +
                                        " is in the catalogue; add the model before receiving it.");
    }
    if (command.serial.empty())
        refuse(RefusalKind::refused, "serial_missing", "The code carries no serial number; scan the label with the serial (AI 21).");
    if (auto refusal = check_identifier("serial number", command.serial)) refuse(*refusal);
    if (auto existing = tx.device_by_model_serial(model->id, command.serial)) {
        // Another unit's device: its tag, state and owner are theirs to know (shared/devices/receipt.h).
        refuse(already_registered(model->name, command.serial,
                                  {existing->unit_id == actor.caller.unit_id, existing->asset_tag,
                                   existing->status.state}), RefusalKind::conflict);
    }
    db::Device device;
    device.unit_id = actor.caller.unit_id;
    device.model_id = model->id;
    device.serial = command.serial;
    if (command.location_id) {
        auto location = own_location(tx, actor, *command.location_id);
        device.location_id = location.id;
        device.warehouse_id = location.warehouse_id;
    } else if (command.warehouse_id) {
        auto warehouse = tx.warehouse(*command.warehouse_id);
        if (!warehouse || warehouse->unit_id != actor.caller.unit_id)
            not_found("Warehouse " + std::to_string(*command.warehouse_id));
        device.warehouse_id = warehouse->id;
    } else {
        device.warehouse_id = default_warehouse(tx, actor);
    }
    device.status = DeviceStatus{};   // received: not cleaned, not inspected
    device.received_at = actor.now;
    device.asset_tag = barcode::make_asset_tag(tx.next_asset_number());
    device.id = tx.insert_device(device);
    Poco::JSON::Object data;
    data.set("gtin", model->gtin);
    data.set("serial", device.serial);
    data.set("asset_tag", device.asset_tag);
    record_event(tx, actor, EventDraft{"received", device.id, std::nullopt, "", to_string(device.status.state),
                                       json_text(data)});
    auto holds = hold_at_receipt(tx, actor, device, model->gtin);
    return {device, holds};
}

db::Device record_cleaning(db::Transaction& tx, const Actor& actor, db::Id device_id) {
    auto device = own_device(tx, actor, device_id);
    move_device(tx, actor, device, DeviceAction::record_cleaning);
    return device;
}

db::Device move_to_location(db::Transaction& tx, const Actor& actor, db::Id device_id, db::Id location_id) {
    auto device = own_device(tx, actor, device_id);
    auto location = own_location(tx, actor, location_id);
    if (auto refusal = check_location_change(device.status.state)) refuse(*refusal);   // a rule: RefusalKind::refused
    const std::string before = device.location_id ? std::to_string(*device.location_id) : "";
    device.location_id = location.id;
    device.warehouse_id = location.warehouse_id;
    tx.update_device(device);
    Poco::JSON::Object data;
    data.set("location", location.code);
    record_event(tx, actor, EventDraft{"moved", device.id, std::nullopt, to_string(device.status.state),
                                       to_string(device.status.state), json_text(data)});
    return device;
}

}  // namespace bhm::server
