// Register, hold, record, close: the recall workflow over the RecallRecords part of the store; the rules are
// shared/recalls/'s. Logs and events carry ids, references and serials, never patient data.
#include "server/services/recalls.h"

#include <Poco/JSON/Object.h>

#include "server/services/consumable_stock.h"
#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/core/identifier.h"
#include "shared/core/norway_time.h"
#include "shared/recalls/coverage.h"
#include "shared/recalls/lot_action.h"
#include "shared/recalls/progress.h"

namespace bhm::server {
namespace {

Poco::JSON::Object notice_data(const db::RecallNotice& notice) {
    Poco::JSON::Object data;
    data.set("notice_id", notice.id);
    data.set("reference", notice.reference);
    data.set("action", to_string(notice.action));
    return data;
}

void check_identifiers(const Coverage& coverage) {
    auto check = [](const char* what, const std::string& text) {
        if (auto refusal = check_identifier(what, text)) refuse(*refusal);
    };
    if (coverage.kind == CoverageKind::serial_range) {
        check("serial number", coverage.serial_from);
        check("serial number", coverage.serial_to);
    }
    for (const auto& s : coverage.serials) check("serial number", s);
    for (const auto& l : coverage.lots) check("lot number", l);
}

// Closes the notice once every device and lot it covers is done.
void close_if_complete(db::Transaction& tx, const Actor& actor, db::RecallNotice& notice) {
    const auto progress = tx.recall_progress(notice.id);
    if (!notice_complete(progress)) return;
    tx.close_recall_notice(notice.id, actor.now);
    notice.closed_at = actor.now;
    auto data = notice_data(notice);
    data.set("done", progress.done);
    data.set("total", progress.total);
    record_event(tx, actor, EventDraft{"recall_closed", std::nullopt, std::nullopt, "open", "closed", json_text(data)});
}

void hold_device(db::Transaction& tx, const Actor& actor, const db::RecallNotice& notice, const db::Device& device,
                 const std::string& how) {
    tx.insert_recall_device(db::RecallDevice{notice.id, device.id, actor.now, how, std::nullopt, "", ""});
    auto data = notice_data(notice);
    data.set("serial", device.serial);
    data.set("held", how == "received" ? "at receipt" : "at registration");
    const auto state = to_string(device.status.state);
    record_event(tx, actor, EventDraft{"recall_hold", device.id, std::nullopt, state, state, json_text(data)});
}

// Covers one stock lot: the row with the lot's status before any notice held it, an event naming the notice,
// and the lot marked recalled with the notice in its reason (an event of its own, through change_lot_status).
void hold_lot(db::Transaction& tx, const Actor& actor, const db::RecallNotice& notice, const db::ConsumableLot& lot,
              const std::string& how) {
    LotStatus before = lot.status;
    for (const auto& earlier : tx.open_lot_recall_holds(lot.id))
        if (auto row = tx.recall_stock_lot(earlier.notice_id, lot.id)) {
            before = row->status_before;
            break;
        }
    tx.insert_recall_stock_lot(db::RecallStockLot{notice.id, lot.id, actor.now, how, before, std::nullopt, "", ""});
    const std::string held = how == "received" ? "at receipt" : "at registration";
    auto data = notice_data(notice);
    data.set("lot_id", lot.id);
    data.set("lot", lot.lot);
    data.set("warehouse_id", lot.warehouse_id);
    data.set("quantity", lot.quantity);
    data.set("held", held);
    record_event(tx, actor, EventDraft{"recall_lot_hold", std::nullopt, std::nullopt, to_string(lot.status),
                                       to_string(LotStatus::recalled), json_text(data)});
    change_lot_status(tx, actor, lot.id, LotStatus::recalled,
                      "Field safety notice " + notice.reference + " (" + to_string(notice.action) + "), held " + held +
                          ".");
}

// The unit's stock lots of the consumable that the notice covers.
std::vector<db::ConsumableLot> covered_lots(db::Transaction& tx, const db::RecallNotice& notice,
                                            const db::ConsumableItem& item) {
    std::vector<db::ConsumableLot> candidates;
    if (notice.coverage.kind == CoverageKind::lot_list) {
        for (const auto& number : notice.coverage.lots)
            for (const auto& l : tx.lots_by_number(item.id, number))
                if (l.unit_id == notice.unit_id) candidates.push_back(l);
    } else {
        candidates = tx.lots_of_unit(notice.unit_id, item.id);
    }
    std::vector<db::ConsumableLot> covered;
    for (const auto& l : candidates)
        if (covers_lot(notice.coverage, item.gtin, l.lot)) covered.push_back(l);
    return covered;
}

}  // namespace

db::RecallNotice own_notice(db::RecallRecords& records, const Actor& actor, db::Id notice_id) {
    auto notice = records.recall_notice(notice_id);
    if (!notice || notice->unit_id != actor.caller.unit_id) not_found("Field safety notice " + std::to_string(notice_id));
    return *notice;
}

RegisteredNotice register_notice(db::Transaction& tx, const Actor& actor, const NoticeDraft& draft) {
    auto reasons = check_notice(draft, local_date(actor.now));
    if (!reasons.empty()) refuse_all(reasons);
    check_identifiers(draft.coverage);
    auto model = tx.model_by_gtin(draft.coverage.gtin);
    auto item = model ? std::nullopt : tx.consumable_item_by_gtin(draft.coverage.gtin);
    const bool on_lots = draft.coverage.kind == CoverageKind::lot_list ||
                         (item && draft.coverage.kind == CoverageKind::all_serials);
    if (!model && !on_lots)
        refuse(RefusalKind::refused, "recall_unknown_model",
             "No device model with GTIN " + draft.coverage.gtin + " is in the catalogue. A notice on devices needs "
             "their model; a notice on consumable lots lists the lots, or covers all of a consumable's lots.");

    db::RecallNotice notice;
    notice.unit_id = actor.caller.unit_id;
    notice.reference = draft.reference;
    notice.issued_on = draft.issued_on;
    notice.action = draft.action;
    notice.user_text = draft.user_text;
    notice.coverage = draft.coverage;
    if (notice.coverage.kind != CoverageKind::serial_range) notice.coverage.serial_from = notice.coverage.serial_to = "";
    if (notice.coverage.kind != CoverageKind::serial_list) notice.coverage.serials.clear();
    if (notice.coverage.kind != CoverageKind::lot_list) notice.coverage.lots.clear();
    if (model) notice.model_id = model->id;
    notice.registered_at = actor.now;
    notice.registered_by = actor.caller.actor();
    try {
        notice.id = tx.insert_recall_notice(notice);
    } catch (const db::DuplicateKey&) {
        refuse(RefusalKind::conflict, "recall_already_registered",
             "A field safety notice with the reference " + draft.reference + " is already registered in your unit.");
    }
    auto data = notice_data(notice);
    data.set("gtin", notice.coverage.gtin);
    data.set("coverage", to_string(notice.coverage.kind));
    record_event(tx, actor, EventDraft{"recall_registered", std::nullopt, std::nullopt, "", "open", json_text(data)});

    int held = 0;
    if (model)
        for (const auto& device : tx.devices_of_model(actor.caller.unit_id, model->id))
            if (covers_serial(notice.coverage, model->gtin, device.serial)) {
                hold_device(tx, actor, notice, device, "registered");
                ++held;
            }
    int lots_held = 0;
    if (item)
        for (const auto& lot : covered_lots(tx, notice, *item)) {
            hold_lot(tx, actor, notice, lot, "registered");
            ++lots_held;
        }
    return {notice, held, lots_held};
}

db::RecallNotice record_device_action(db::Transaction& tx, const Actor& actor, db::Id notice_id, db::Id device_id,
                                      const std::string& note) {
    auto notice = own_notice(tx, actor, notice_id);
    auto covered = tx.recall_device(notice.id, device_id);
    if (!covered) not_found("Device " + std::to_string(device_id) + " under notice " + notice.reference);
    if (auto refusal = check_action_record(notice.closed_at.has_value(), covered->done_at.has_value()))
        refuse(*refusal, RefusalKind::conflict);
    if (!tx.mark_recall_device_done(notice.id, device_id, actor.now, actor.caller.actor(), note))
        refuse(*check_action_record(false, true), RefusalKind::conflict);
    auto device = tx.device(device_id);
    auto data = notice_data(notice);
    data.set("note", note);
    const auto state = device ? to_string(device->status.state) : "";
    record_event(tx, actor, EventDraft{"recall_action_done", device_id, std::nullopt, state, state, json_text(data)});
    close_if_complete(tx, actor, notice);
    return notice;
}

db::RecallNotice record_lot_action(db::Transaction& tx, const Actor& actor, db::Id notice_id, db::Id lot_id,
                                   const std::string& note) {
    auto notice = own_notice(tx, actor, notice_id);
    auto covered = tx.recall_stock_lot(notice.id, lot_id);
    if (!covered) not_found("Lot " + std::to_string(lot_id) + " under notice " + notice.reference);
    if (auto refusal = check_action_record(notice.closed_at.has_value(), covered->done_at.has_value()))
        refuse(*refusal, RefusalKind::conflict);
    if (!tx.mark_recall_stock_lot_done(notice.id, lot_id, actor.now, actor.caller.actor(), note))
        refuse(*check_action_record(false, true), RefusalKind::conflict);
    const auto lot = own_lot(tx, actor, lot_id);
    auto data = notice_data(notice);
    data.set("lot_id", lot.id);
    data.set("lot", lot.lot);
    data.set("note", note);
    const auto after = lot_status_after_action(notice.action, covered->status_before,
                                               !tx.open_lot_recall_holds(lot.id).empty(), notice.reference);
    record_event(tx, actor, EventDraft{"recall_lot_action_done", std::nullopt, std::nullopt, to_string(lot.status),
                                       to_string(after.status), json_text(data)});
    change_lot_status(tx, actor, lot.id, after.status, after.reason);
    close_if_complete(tx, actor, notice);
    return notice;
}

std::vector<RecallHold> hold_at_receipt(db::Transaction& tx, const Actor& actor, const db::Device& device,
                                        const std::string& gtin) {
    std::vector<OpenNotice> open;
    std::vector<db::RecallNotice> notices = tx.open_recall_notices_for_gtin(device.unit_id, gtin);
    for (const auto& n : notices) open.push_back({n.id, n.coverage});
    std::vector<RecallHold> holds;
    for (auto id : notices_catching_receipt(open, gtin, device.serial))
        for (const auto& n : notices)
            if (n.id == id) {
                hold_device(tx, actor, n, device, "received");
                holds.push_back({n.id, n.reference, n.action});
            }
    return holds;
}

std::vector<RecallHold> hold_lot_at_receipt(db::Transaction& tx, const Actor& actor, const db::ConsumableLot& lot,
                                            const std::string& gtin) {
    std::vector<RecallHold> holds;
    auto current = lot;
    for (const auto& n : tx.open_recall_notices_for_gtin(lot.unit_id, gtin)) {
        if (!covers_lot(n.coverage, gtin, lot.lot) || tx.recall_stock_lot(n.id, lot.id)) continue;
        hold_lot(tx, actor, n, current, "received");
        current.status = LotStatus::recalled;
        holds.push_back({n.id, n.reference, n.action});
    }
    return holds;
}

std::vector<RecallHold> lot_recall_holds_of(db::RecallRecords& records, db::Id lot_id) {
    std::vector<RecallHold> holds;
    for (const auto& h : records.open_lot_recall_holds(lot_id)) holds.push_back({h.notice_id, h.reference, h.action});
    return holds;
}

std::vector<RecallHold> recall_holds_of(db::RecallRecords& records, db::Id device_id) {
    std::vector<RecallHold> holds;
    for (const auto& h : records.open_recall_holds(device_id)) holds.push_back({h.notice_id, h.reference, h.action});
    return holds;
}

}  // namespace bhm::server
