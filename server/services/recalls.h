// The recall workflow: a manager registers a manufacturer's field safety notice, the unit's covered devices are
// held at once (shared/recalls/), the action is recorded per device and per stock lot, and the notice closes
// when all are done. A notice on a consumable GTIN marks the unit's covered stock lots recalled through
// change_lot_status, so picks, issue scans and the FEFO proposal refuse them. A device or lot received later
// that an open notice covers is held at its receipt. Every step is an event; the device's steps show in its
// history, the lot's in its status changes.
#pragma once

#include "db/recall_records.h"
#include "server/services/actor.h"
#include "shared/recalls/hold.h"

namespace bhm::server {

// The notice of the caller's unit, or 404 (another unit's notice is not found).
db::RecallNotice own_notice(db::RecallRecords& records, const Actor& actor, db::Id notice_id);

struct RegisteredNotice { db::RecallNotice notice; int devices_held = 0; int lots_held = 0; };
// Checks the draft (shared/recalls/notice.h, 422 with every reason), finds the GTIN's device model or
// consumable (a serial notice needs a model; all serials of a consumable means every lot of it), holds every
// covered device and stock lot of the unit and logs it. The same reference twice in a unit is 409.
RegisteredNotice register_notice(db::Transaction& tx, const Actor& actor, const NoticeDraft& draft);

// Records the notice's action as done for one covered device, or one covered stock lot (whose status then
// follows shared/recalls/lot_action.h); closes the notice when it was the last. Done already, or the notice
// closed: 409. Not covered by the notice: 404.
db::RecallNotice record_device_action(db::Transaction& tx, const Actor& actor, db::Id notice_id, db::Id device_id,
                                      const std::string& note);
db::RecallNotice record_lot_action(db::Transaction& tx, const Actor& actor, db::Id notice_id, db::Id lot_id,
                                   const std::string& note);

// A device just received: the open notices of its unit covering its GTIN and serial hold it (logged with the
// notice named). Returns the holds, for the receipt's answer.
std::vector<RecallHold> hold_at_receipt(db::Transaction& tx, const Actor& actor, const db::Device& device,
                                        const std::string& gtin);

// A stock lot just received into: the open notices of its unit covering its GTIN and lot that do not hold it
// yet hold it and mark it recalled, naming the notice. Returns the new holds.
std::vector<RecallHold> hold_lot_at_receipt(db::Transaction& tx, const Actor& actor, const db::ConsumableLot& lot,
                                            const std::string& gtin);

// The device's open holds as the delivery gate and the pick take them; and a stock lot's.
std::vector<RecallHold> recall_holds_of(db::RecallRecords& records, db::Id device_id);
std::vector<RecallHold> lot_recall_holds_of(db::RecallRecords& records, db::Id lot_id);

}  // namespace bhm::server
