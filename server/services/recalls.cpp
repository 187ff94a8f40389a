// Register, hold, record, close: the recall workflow over the RecallRecords part of the store; the rules are
// shared/recalls/'s. Logs and events carry ids, references and serials, never patient data.
#include "server/services/recalls.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/core/identifier.h"
#include "shared/core/norway_time.h"
#include "shared/recalls/coverage.h"
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
    if (!model && draft.coverage.kind != CoverageKind::lot_list)
        refuse(RefusalKind::refused, "recall_unknown_model",
             "No device model with GTIN " + draft.coverage.gtin + " is in the catalogue. A notice on devices needs "
             "their model; a notice on consumable lots lists the lots.");

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
    return {notice, held};
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

db::RecallNotice record_lot_action(db::Transaction& tx, const Actor& actor, db::Id notice_id, const std::string& lot,
                                   const std::string& note) {
    auto notice = own_notice(tx, actor, notice_id);
    std::optional<db::RecallLot> listed;
    for (const auto& l : tx.recall_lots(notice.id))
        if (l.lot == lot) listed = l;
    if (!listed) not_found("Lot " + lot + " under notice " + notice.reference);
    if (auto refusal = check_action_record(notice.closed_at.has_value(), listed->done_at.has_value()))
        refuse(*refusal, RefusalKind::conflict);
    if (!tx.mark_recall_lot_done(notice.id, lot, actor.now, actor.caller.actor(), note))
        refuse(*check_action_record(false, true), RefusalKind::conflict);
    auto data = notice_data(notice);
    data.set("lot", lot);
    data.set("note", note);
    record_event(tx, actor, EventDraft{"recall_lot_action_done", std::nullopt, std::nullopt, "", "", json_text(data)});
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

std::vector<RecallHold> recall_holds_of(db::RecallRecords& records, db::Id device_id) {
    std::vector<RecallHold> holds;
    for (const auto& h : records.open_recall_holds(device_id)) holds.push_back({h.notice_id, h.reference, h.action});
    return holds;
}

}  // namespace bhm::server
