// Receiving a device into stock (a receive scan or POST /devices): the model
// is known by id or GTIN, the serial is new, and the device gets our asset tag.
#pragma once

#include "server/services/actor.h"
#include "shared/recalls/hold.h"

namespace bhm::server {

struct ReceiveCommand {
    std::optional<db::Id> model_id;
    std::string gtin;
    std::string serial;
    std::optional<db::Id> warehouse_id, location_id;
};

// A device that an open field safety notice covers is still received (it is on our shelf and must be
// traceable) but held at once: `recall_holds` names the notices (server/services/recalls.h).
struct ReceiveOutcome { db::Device device; std::vector<RecallHold> recall_holds; };
ReceiveOutcome receive_device(db::Transaction& tx, const Actor& actor, const ReceiveCommand& command);

// Recording that a received, returned or serviced device was cleaned.
db::Device record_cleaning(db::Transaction& tx, const Actor& actor, db::Id device_id);

// Moving a device to another shelf in the caller's unit.
db::Device move_to_location(db::Transaction& tx, const Actor& actor, db::Id device_id, db::Id location_id);

}  // namespace bhm::server
