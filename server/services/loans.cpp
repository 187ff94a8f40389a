// Reserve, deliver, return: every check is a shared/ rule, every change an event.
#include "server/services/loans.h"

#include <Poco/JSON/Object.h>

#include "server/http/problem.h"
#include "server/views/views.h"
#include "shared/loans/delivery_time.h"
#include "shared/loans/loan.h"
#include "shared/loans/reservation.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

DeliveryCheck delivery_check(db::Transaction& tx, const db::Case& c, const db::Device& device, Date today) {
    auto model = model_of(tx, device);
    auto category = category_of(tx, c.category);
    auto device_category = category_of(tx, model.category);
    DeliveryCheck check{};
    check.case_status = c.status;
    check.journal_note_recorded = c.journal_written_at.has_value();
    check.device_state = device.status.state;
    check.reserved_for_this_case = device.reserved_case_id == c.id;
    check.device_category = model.category;
    check.case_category = c.category;
    check.device_electrical = device_category.electrical;
    check.inspection_due_on = device.inspection_due;
    check.inspection_passed = device.status.inspected && !device.status.inspection_failed;
    check.site_check_required = category.site_check_required;
    check.site_check_documented = !tx.site_checks(c.id).empty();
    check.today = today;
    return check;
}

namespace {

// Another case holds the device: that is a race lost (409), not a rule broken.
int status_for(const std::vector<Refusal>& reasons) {
    for (const auto& r : reasons)
        if (r.code == "device_not_available") return 409;
    return 422;
}

}  // namespace

ReserveOutcome reserve_for_case(db::Transaction& tx, const Actor& actor, db::Id case_id, db::Id device_id) {
    auto c = own_case(tx, actor, case_id);
    auto device = own_device(tx, actor, device_id);
    if (auto refusal = check_not_own_equipment(c.own_equipment)) refuse(*refusal);
    if (device.status.state == DeviceState::reserved && device.reserved_case_id == c.id) return {device, true};
    db::DeviceFilter picked;
    picked.unit_id = c.unit_id;
    picked.reserved_case_id = c.id;
    if (auto others = tx.devices(picked, db::Page{1, 0}); !others.empty())
        fail(409, "case_has_device", "Device " + others.front().asset_tag + " is already picked for case " + c.number +
                                         "; release it first (one device per case).");
    auto reasons = check_reservation(delivery_check(tx, c, device, local_date(actor.now)));
    if (!reasons.empty()) refuse_all(reasons, status_for(reasons));
    device.reserved_case_id = c.id;
    Poco::JSON::Object data;
    data.set("case_number", c.number);
    move_device(tx, actor, device, DeviceAction::reserve, c.id, json_text(data));
    return {device, false};
}

db::Device release_reservation(db::Transaction& tx, const Actor& actor, db::Id device_id) {
    auto device = own_device(tx, actor, device_id);
    auto case_id = device.reserved_case_id;
    device.reserved_case_id.reset();
    move_device(tx, actor, device, DeviceAction::release_reservation, case_id);
    return device;
}

DeliveryOutcome deliver(db::Transaction& tx, const Actor& actor, db::Id case_id, const DeliveryCommand& command) {
    auto c = own_case(tx, actor, case_id);
    auto device = own_device(tx, actor, command.device_id);
    if (auto refusal = check_not_own_equipment(c.own_equipment)) refuse(*refusal);
    if (command.handover != "discharge" && command.handover != "shipped")
        bad_request("invalid_field", "Field 'handover' must be 'discharge' (handed out at discharge) or 'shipped'.");
    const Timestamp delivered_at = command.delivered_at.value_or(actor.now);
    if (auto refusal = check_delivery_time(delivered_at, c.applied_at, c.decided_at, actor.now)) refuse(*refusal);

    auto check = delivery_check(tx, c, device, local_date(actor.now));
    check.manual_included = command.manual_included;
    check.training_recorded = command.training_recorded;
    check.fitted_and_tested = command.fitted_and_tested;
    check.not_fitted_reason = command.not_fitted_reason;
    auto reasons = check_delivery(check);
    if (!reasons.empty()) refuse_all(reasons, status_for(reasons));
    if (auto refusal = check_case_delivery(c.status)) refuse(*refusal, 409);

    db::Loan loan;
    loan.unit_id = c.unit_id;
    loan.case_id = c.id;
    loan.device_id = device.id;
    loan.delivered_at = delivered_at;
    loan.due_on = loan_due(local_date(delivered_at), c.loan_days);
    loan.handover = command.handover;
    loan.manual_included = command.manual_included;
    loan.training_recorded = command.training_recorded;
    loan.trained_who = command.trained_who;
    loan.fitted_and_tested = command.fitted_and_tested;
    loan.not_fitted_reason = command.not_fitted_reason;
    loan.delivered_by = actor.caller.actor();
    loan.id = tx.insert_loan(loan);

    device.reserved_case_id.reset();
    Poco::JSON::Object data;
    data.set("loan_id", loan.id);
    data.set("case_number", c.number);
    data.set("handover", loan.handover);
    data.set("due_on", to_iso(loan.due_on));
    move_device(tx, actor, device, DeviceAction::deliver, c.id, json_text(data));

    const auto before = c.status;
    c.status = CaseStatus::delivered;
    c.delivered_at = delivered_at;
    tx.update_case(c);
    record_event(tx, actor, EventDraft{"case_delivered", device.id, c.id, to_string(before), to_string(c.status),
                                       json_text(data)});
    return {loan, device, c};
}

namespace {

// Ends an open loan (returned, or lost at the patient's) and closes its case.
void end_loan(db::Transaction& tx, const Actor& actor, db::Loan& loan, Timestamp at, const db::Device& device,
              const Poco::JSON::Object& data) {
    loan.returned_at = at;
    tx.update_loan(loan);
    auto c = tx.case_by_id(loan.case_id);
    if (!c || check_case_close(c->status)) return;
    const auto before = c->status;
    c->status = CaseStatus::closed;
    tx.update_case(*c);
    record_event(tx, actor, EventDraft{"case_closed", device.id, c->id, to_string(before), to_string(c->status),
                                       json_text(data)});
}

}  // namespace

ReturnOutcome return_device(db::Transaction& tx, const Actor& actor, db::Id device_id,
                            std::optional<Timestamp> returned_at) {
    auto device = own_device(tx, actor, device_id);
    auto loan = tx.open_loan_for_device(device.id);
    if (!loan) {
        fail(409, "device_not_on_loan",
             "This device is not on loan (it is " + to_string(device.status.state) + "); nothing to return.");
    }
    if (returned_at && *returned_at < loan->delivered_at) {
        fail(409, "stale_scan", "This return was scanned before the device's current loan began (" +
                                    to_iso(loan->delivered_at) + "); it belongs to an earlier loan and is not applied.");
    }
    const Timestamp at = returned_at ? std::min(*returned_at, actor.now) : actor.now;
    Poco::JSON::Object data;
    data.set("loan_id", loan->id);
    data.set("loan_days", days_between(local_date(loan->delivered_at), local_date(at)));
    move_device(tx, actor, device, DeviceAction::take_return, loan->case_id, json_text(data));
    end_loan(tx, actor, *loan, at, device, data);
    return {*loan, device};
}

db::Device report_device_lost(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& note) {
    auto device = own_device(tx, actor, device_id);
    auto loan = tx.open_loan_for_device(device.id);
    Poco::JSON::Object data;
    data.set("note", note);
    if (loan) data.set("loan_id", loan->id);
    move_device(tx, actor, device, DeviceAction::report_lost, loan ? std::optional(loan->case_id) : std::nullopt,
                json_text(data));
    if (loan) end_loan(tx, actor, *loan, actor.now, device, data);
    return device;
}

}  // namespace bhm::server
