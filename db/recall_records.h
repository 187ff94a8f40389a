// The store's recall records (migration 0010_recalls): field safety notices, the devices and lots each covers
// with their action record, and the reads the recall workflow needs. A narrow interface of its own, which
// Transaction inherits, so the recall service names only what it uses.
//
// A notice belongs to one unit. Which devices it covers is decided in shared/recalls/coverage.h; the store
// only lists candidates (devices of the notice's model in the unit) and keeps the decided set in
// recall_devices, one row per device and notice. The affected list reads that set with where each device
// is now in one indexed query (see recall_affected_devices). For consumables the decided set is the stock
// lots (migration 0011): recall_stock_lots, one row per notice and stock lot, read with each lot's stock and
// what was picked and delivered from it to which cases (recall_affected_lots, recall_lot_issues).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/records.h"
#include "shared/consumables/lot_status.h"
#include "shared/recalls/notice.h"
#include "shared/recalls/progress.h"

namespace bhm::db {

struct Page;

struct RecallNotice {
    Id id = 0; Id unit_id = 0;
    std::string reference; Date issued_on; RecallAction action = RecallAction::inspect; std::string user_text;
    Coverage coverage;
    std::optional<Id> model_id;                  // the device model of the GTIN, if it is one
    Timestamp registered_at; std::string registered_by;
    std::optional<Timestamp> closed_at;
};

// added_how: "registered" (covered when the notice was registered) | "received" (caught at a later receipt)
struct RecallDevice {
    Id notice_id = 0; Id device_id = 0; Timestamp added_at; std::string added_how;
    std::optional<Timestamp> done_at; std::string done_by, note;
};

// A lot number of a lot-list notice as the manufacturer listed it.
struct RecallLot { Id notice_id = 0; std::string lot; };

// A stock lot a notice covers, with its status before the notice and the action record.
struct RecallStockLot {
    Id notice_id = 0; Id lot_id = 0; Timestamp added_at; std::string added_how;
    LotStatus status_before = LotStatus::available;
    std::optional<Timestamp> done_at; std::string done_by, note;
};

// An affected stock lot with what is left of it in its warehouse.
struct AffectedLot {
    Id lot_id = 0; std::string gtin, item_name, lot; Date expiry; LotStatus status = LotStatus::available;
    Id warehouse_id = 0; std::string warehouse; int quantity = 0;
    std::string added_how; std::optional<Timestamp> done_at; std::string done_by, note;
};

// Packs of an affected lot picked for a case (order "picked") or sent to it (order "delivered"). The patient
// fields are the case's patient; the caller decides who may see the address.
struct AffectedLotIssue {
    Id lot_id = 0; std::string lot; Id order_id = 0; std::string order_status; int quantity = 0;
    Timestamp picked_at; std::optional<Timestamp> delivered_at;
    Id case_id = 0; std::string case_number; Id patient_id = 0; std::string municipality, address, residence;
};

// One affected device with where it is now. The patient fields are set only while the device is on an
// open loan; the caller decides who may see the address.
struct AffectedDevice {
    Id device_id = 0; std::string asset_tag, serial, model_name; DeviceState state = DeviceState::received;
    std::string warehouse, location;             // shelf, "" when none
    std::optional<Id> reserved_case_id; std::string reserved_case_number;
    std::optional<Id> loan_id, loan_case_id, patient_id; std::string loan_case_number;
    std::optional<Timestamp> delivered_at; std::string municipality, address, residence;
    std::string added_how; std::optional<Timestamp> done_at; std::string done_by, note;
};

// A device's (or stock lot's) open hold: a notice not closed whose action is not done for it.
struct DeviceRecallHold { Id notice_id = 0; std::string reference; RecallAction action = RecallAction::inspect; };

class RecallRecords {
public:
    virtual ~RecallRecords() = default;

    // The notice with its serial or lot list; a second notice of the unit with the same reference is a DuplicateKey.
    virtual Id insert_recall_notice(const RecallNotice&) = 0;
    virtual std::optional<RecallNotice> recall_notice(Id) = 0;
    virtual std::vector<RecallNotice> recall_notices(Id unit_id, const Page&) = 0;   // oldest first, by id
    virtual std::vector<RecallNotice> open_recall_notices_for_gtin(Id unit_id, const std::string& gtin) = 0;
    virtual void close_recall_notice(Id notice_id, Timestamp at) = 0;

    // Candidates for a notice: the unit's devices of one model (index devices(model_id, serial)).
    virtual std::vector<Device> devices_of_model(Id unit_id, Id model_id) = 0;

    virtual void insert_recall_device(const RecallDevice&) = 0;
    virtual std::optional<RecallDevice> recall_device(Id notice_id, Id device_id) = 0;
    // Sets done_at/done_by/note once; false when it was done already (another station won).
    virtual bool mark_recall_device_done(Id notice_id, Id device_id, Timestamp at, const std::string& by,
                                         const std::string& note) = 0;
    virtual std::vector<RecallLot> recall_lots(Id notice_id) = 0;   // the listed lot numbers, by lot

    // A covered stock lot; inserting the same notice and lot twice is a DuplicateKey.
    virtual void insert_recall_stock_lot(const RecallStockLot&) = 0;
    virtual std::optional<RecallStockLot> recall_stock_lot(Id notice_id, Id lot_id) = 0;
    virtual bool mark_recall_stock_lot_done(Id notice_id, Id lot_id, Timestamp at, const std::string& by,
                                            const std::string& note) = 0;
    // The open holds on one stock lot (index recall_stock_lots_by_lot), by notice id.
    virtual std::vector<DeviceRecallHold> open_lot_recall_holds(Id lot_id) = 0;
    // Every covered stock lot with its stock, by lot id; and every pick from them with its case, by lot and pick.
    virtual std::vector<AffectedLot> recall_affected_lots(Id notice_id) = 0;
    virtual std::vector<AffectedLotIssue> recall_lot_issues(Id notice_id) = 0;

    // Done n of m over the notice's devices and stock lots.
    virtual RecallProgress recall_progress(Id notice_id) = 0;

    // Every affected device with where it is now, by device id.
    virtual std::vector<AffectedDevice> recall_affected_devices(Id notice_id) = 0;
    // The open holds on one device (index recall_devices_by_device).
    virtual std::vector<DeviceRecallHold> open_recall_holds(Id device_id) = 0;
    // How many open loans of the unit are of a device with an open hold.
    virtual int open_loans_under_recall(Id unit_id) = 0;
};

}  // namespace bhm::db
