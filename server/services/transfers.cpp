// Transfer workflow (rules in shared/cases/transfer.h). The trail entry for the other unit is appended with
// that unit's id, so each unit's audit trail shows the transfer without seeing the other unit's records.
// A transfer carries the case's open loan: the one open when it is received, even after an exchange.
#include "server/services/transfers.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/cases/transfer.h"

namespace bhm::server {
namespace {

void log_both(db::Transaction& tx, const Actor& actor, const db::Transfer& t, const std::string& kind,
              const std::string& before, const std::string& after) {
    Poco::JSON::Object data;
    data.set("transfer_id", t.id);
    data.set("from_unit_id", t.from_unit_id);
    data.set("to_unit_id", t.to_unit_id);
    data.set("loan_id", t.loan_id);
    data.set("reason", t.reason);
    if (!t.cancel_reason.empty()) data.set("cancel_reason", t.cancel_reason);
    const std::string text = json_text(data);
    record_event(tx, actor, EventDraft{kind, t.device_id, t.case_id, before, after, text});
    db::Event other;
    other.unit_id = actor.caller.unit_id == t.from_unit_id ? t.to_unit_id : t.from_unit_id;
    other.device_id = t.device_id;
    other.case_id = t.case_id;
    other.at = actor.now;
    other.actor = actor.caller.actor();
    other.kind = kind;
    other.before_state = before;
    other.after_state = after;
    other.data_json = text;
    tx.append_event(other);
}

std::optional<db::Loan> open_loan_of_case(db::Transaction& tx, db::Id case_id) {
    std::optional<db::Loan> open;
    for (const auto& loan : tx.loans_of_case(case_id))
        if (!loan.returned_at) open = loan;
    return open;
}

db::Transfer cancel(db::Transaction& tx, const Actor& actor, db::Transfer t, const std::string& reason) {
    t.status = to_string(TransferStatus::cancelled);
    t.cancelled_at = actor.now;
    t.cancelled_by = actor.caller.actor();
    t.cancel_reason = reason;
    tx.update_transfer(t);
    log_both(tx, actor, t, "transfer_cancelled", "pending", t.status);
    return t;
}

// The transfer as the caller's unit may see it: it sent or is to receive it; otherwise not found.
db::Transfer own_transfer(db::Transaction& tx, const Actor& actor, db::Id transfer_id) {
    auto t = tx.transfer(transfer_id);
    if (!t || (t->to_unit_id != actor.caller.unit_id && t->from_unit_id != actor.caller.unit_id))
        not_found("Transfer " + std::to_string(transfer_id));
    return *t;
}

TransferStatus status_of(const db::Transfer& t) {
    auto status = parse_transfer_status(t.status);
    if (!status) throw std::runtime_error("transfer " + std::to_string(t.id) + " has an unknown status");
    return *status;
}

}  // namespace

db::Transfer start_transfer(db::Transaction& tx, const Actor& actor, db::Id case_id, const TransferCommand& command) {
    auto c = own_case(tx, actor, case_id);
    auto open = open_loan_of_case(tx, c.id);
    const bool pending = tx.pending_transfer_of_case(c.id).has_value();
    TransferRequest request{c.status, open.has_value(), command.to_unit_id == c.unit_id,
                            tx.unit(command.to_unit_id).has_value(), pending, command.reason};
    if (auto refusal = check_transfer(request))
        refuse(*refusal, refusal->code == "transfer_already_pending" ? RefusalKind::conflict : RefusalKind::refused);
    db::Transfer t;
    t.case_id = c.id;
    t.loan_id = open->id;
    t.device_id = open->device_id;
    t.from_unit_id = c.unit_id;
    t.to_unit_id = command.to_unit_id;
    t.reason = command.reason;
    t.status = to_string(TransferStatus::pending);
    t.requested_at = actor.now;
    t.requested_by = actor.caller.actor();
    t.id = tx.insert_transfer(t);
    log_both(tx, actor, t, "transfer_started", "", t.status);
    return t;
}

db::Transfer receive_transfer(db::Transaction& tx, const Actor& actor, db::Id transfer_id) {
    auto t = own_transfer(tx, actor, transfer_id);
    if (t.to_unit_id != actor.caller.unit_id)   // another unit's record to receive: not found, as elsewhere
        refuse(RefusalKind::not_found, "transfer_not_yours", "Only the receiving unit can receive this transfer.");
    auto carried = open_loan_of_case(tx, t.case_id);
    // Received already: a repeat (409); cancelled, or the loan ended: a rule (422).
    if (auto refusal = check_transfer_receipt(status_of(t), carried.has_value()))
        refuse(*refusal, is_transfer_repeat(*refusal) ? RefusalKind::conflict : RefusalKind::refused);
    t.loan_id = carried->id;   // after an exchange: the replacement's loan and device go over
    t.device_id = carried->device_id;

    auto c = tx.case_by_id(t.case_id);
    auto patient = c ? tx.patient(c->patient_id) : std::nullopt;
    auto device = tx.device(t.device_id);
    if (!c || !patient || !device) throw std::runtime_error("transfer " + std::to_string(t.id) + " lost its records");
    // The receiving unit keeps its own patient register: the same person there, or a copy of the record.
    db::Id patient_id = 0;
    if (auto existing = tx.patient_by_national_id(t.to_unit_id, patient->national_id)) {
        patient_id = existing->id;
    } else {
        db::Patient copy = *patient;
        copy.id = 0;
        copy.unit_id = t.to_unit_id;
        patient_id = tx.insert_patient(copy);
    }
    c->unit_id = t.to_unit_id;
    c->patient_id = patient_id;
    tx.update_case(*c);
    tx.move_loan_to_unit(t.loan_id, t.to_unit_id);
    if (auto pickup = tx.open_pickup_task_for_device(device->id))   // the new unit fetches it, if at all
        tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
    device->unit_id = t.to_unit_id;
    device->warehouse_id.reset();
    device->location_id.reset();
    tx.update_device(*device);

    t.status = to_string(TransferStatus::received);
    t.received_at = actor.now;
    t.received_by = actor.caller.actor();
    tx.update_transfer(t);
    log_both(tx, actor, t, "transfer_received", "pending", t.status);
    return t;
}

db::Transfer cancel_transfer(db::Transaction& tx, const Actor& actor, db::Id transfer_id, const std::string& reason) {
    auto t = own_transfer(tx, actor, transfer_id);
    if (auto refusal = check_transfer_cancel(status_of(t), reason))
        refuse(*refusal, is_transfer_repeat(*refusal) ? RefusalKind::conflict : RefusalKind::refused);
    return cancel(tx, actor, t, reason);
}

void end_transfer_with_loan(db::Transaction& tx, const Actor& actor, db::Id case_id) {
    auto t = tx.pending_transfer_of_case(case_id);
    if (!t || !pending_transfer_ends(open_loan_of_case(tx, case_id).has_value())) return;
    cancel(tx, actor, *t, transfer_loan_ended_reason);
}

std::vector<db::Transfer> unit_transfers(db::Transaction& tx, const Actor& actor) {
    return tx.transfers_of_unit(actor.caller.unit_id);
}

Poco::JSON::Array::Ptr transfer_trail(db::Transaction& tx, const Actor& actor, const db::Transfer& transfer) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& event : tx.case_events(transfer.case_id)) {
        if (event.unit_id != actor.caller.unit_id || event.kind.rfind("transfer_", 0) != 0) continue;
        auto data = parse_json_text(event.data_json);
        if (data.type() != typeid(Poco::JSON::Object::Ptr)) continue;
        auto id = data.extract<Poco::JSON::Object::Ptr>()->optValue<db::Id>("transfer_id", 0);
        if (id == transfer.id) items->add(event_view(event));
    }
    return items;
}

}  // namespace bhm::server
