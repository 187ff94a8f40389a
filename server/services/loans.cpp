// Reserve, deliver, return: every check is a shared/ rule, every change an event.
#include "server/services/loans.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/cases.h"
#include "server/services/consumable_orders.h"
#include "server/services/transfers.h"
#include "server/services/recalls.h"
#include "server/views/views.h"
#include "shared/loans/delivery_time.h"
#include "shared/loans/end_of_use.h"
#include "shared/loans/exchange.h"
#include "shared/loans/loan_end.h"
#include "shared/loans/loan.h"
#include "shared/loans/reservation.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

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
    check.recall_holds = recall_holds_of(tx, device.id);
    check.today = today;
    return check;
}

// The facts the gate needs to judge the delivery as of its time: the device's arrival and
// inspections, the journal note, and the site check in force for the patient's current address.
void add_as_of(db::Transaction& tx, const db::Case& c, const db::Device& device, Timestamp delivered_at,
               int site_check_max_years, DeliveryCheck& check) {
    check.delivered_at = delivered_at;
    check.device_received_at = device.received_at;
    for (const auto& i : tx.inspections(device.id)) check.inspections.push_back({i.inspected_at, i.passed, i.next_due});
    for (const auto& loan : tx.loans_of_device(device.id)) check.device_loans.push_back({loan.delivered_at, loan.returned_at});
    check.journal_note_written_at = c.journal_written_at;
    auto patient = tx.patient(c.patient_id);
    check.site_check_on = site_check_in_force(recorded_site_checks(tx.site_checks(c.id)),
                                              patient ? patient->address : "", site_check_max_years,
                                              local_date(delivered_at));
    check.site_check_documented = check.site_check_on.has_value();
    check.site_check_max_years = site_check_max_years;
}

// Another case holds the device: that is a race lost (a conflict), not a rule broken. A device that is
// not ready yet (still to be cleaned or inspected) is refused: shared/devices/lifecycle.h decides which.
RefusalKind kind_for(const std::vector<Refusal>& reasons, DeviceState device_state) {
    for (const auto& r : reasons)
        if (r.code == "device_not_available" && refusal_kind(r.code, device_state) == RefusalKind::conflict)
            return RefusalKind::conflict;
    return RefusalKind::refused;
}

// The device of ours picked (reserved) for the case, if any: one device per case.
std::optional<db::Device> picked_for_case(db::Transaction& tx, const db::Case& c) {
    db::DeviceFilter picked;
    picked.unit_id = c.unit_id;
    picked.reserved_case_id = c.id;
    auto found = tx.devices(picked, db::Page{1, 0});
    if (found.empty()) return std::nullopt;
    return found.front();
}

}  // namespace

DeliveryCheck delivery_gate_check(db::Transaction& tx, const Actor& actor, const db::Case& c, const db::Device& device,
                                  const DeliveryCommand& command, Timestamp delivered_at, int site_check_max_years) {
    auto check = delivery_check(tx, c, device, local_date(actor.now));
    check.manual_included = command.manual_included;
    check.training_recorded = command.training_recorded;
    check.trained_who = command.trained_who;
    check.fitted_and_tested = command.fitted_and_tested;
    check.not_fitted_reason = command.not_fitted_reason;
    if (auto other = picked_for_case(tx, c); other && other->id != device.id) check.other_device_picked = other->asset_tag;
    add_as_of(tx, c, device, delivered_at, site_check_max_years, check);
    return check;
}

std::optional<db::Device> device_picked_for(db::Transaction& tx, const db::Case& c) { return picked_for_case(tx, c); }

ReserveOutcome reserve_for_case(db::Transaction& tx, const Actor& actor, db::Id case_id, db::Id device_id) {
    auto c = own_case(tx, actor, case_id);
    auto device = own_device(tx, actor, device_id);
    if (auto refusal = check_not_own_equipment(c.own_equipment)) refuse(*refusal);
    if (device.status.state == DeviceState::reserved && device.reserved_case_id == c.id) return {device, true};
    if (auto other = picked_for_case(tx, c))
        refuse(RefusalKind::conflict, "case_has_device", "Device " + other->asset_tag + " is already picked for case " + c.number +
                                         "; release it first (one device per case).");
    auto reasons = check_reservation(delivery_check(tx, c, device, local_date(actor.now)));
    if (!reasons.empty()) refuse_all(reasons, kind_for(reasons, device.status.state));
    device.reserved_case_id = c.id;
    Poco::JSON::Object data;
    data.set("case_number", c.number);
    move_device(tx, actor, device, DeviceAction::reserve, c.id, json_text(data));
    return {device, false};
}

db::Device release_reservation(db::Transaction& tx, const Actor& actor, db::Id device_id) {
    auto device = own_device(tx, actor, device_id);
    auto case_id = device.reserved_case_id;
    if (case_id && reservation_lapses(device.status.state)) {
        // Still tied to a case though no longer reserved (it failed an inspection before that released it):
        // untie it, so the case can pick another.
        release_lapsed_reservation(tx, actor, device, "released by hand");
        return device;
    }
    device.reserved_case_id.reset();
    move_device(tx, actor, device, DeviceAction::release_reservation, case_id);
    return device;
}

void release_lapsed_reservation(db::Transaction& tx, const Actor& actor, db::Device& device, const std::string& why) {
    if (!device.reserved_case_id) return;
    const auto case_id = *device.reserved_case_id;
    device.reserved_case_id.reset();
    tx.update_device(device);
    Poco::JSON::Object data;
    if (auto c = tx.case_by_id(case_id)) data.set("case_number", c->number);
    data.set("why", why);
    const auto state = to_string(device.status.state);
    record_event(tx, actor, EventDraft{"reservation_released", device.id, case_id, state, state, json_text(data)});
}

void release_picked_for_case(db::Transaction& tx, const Actor& actor, const db::Case& c, const std::string& why) {
    db::DeviceFilter picked;
    picked.unit_id = c.unit_id;
    picked.reserved_case_id = c.id;
    for (auto device : tx.devices(picked, db::Page{10, 0})) {
        if (reservation_lapses(device.status.state))
            release_lapsed_reservation(tx, actor, device, why);
        else
            move_device(tx, actor, device, DeviceAction::release_reservation, c.id);
    }
}

DeliveryOutcome deliver(db::Transaction& tx, const Actor& actor, db::Id case_id, const DeliveryCommand& command,
                        int site_check_max_years) {
    auto c = own_case(tx, actor, case_id);
    auto device = own_device(tx, actor, command.device_id);
    if (auto refusal = check_not_own_equipment(c.own_equipment)) refuse(*refusal);
    if (command.handover != "discharge" && command.handover != "shipped")
        bad_input("invalid_field", "Field 'handover' must be 'discharge' (handed out at discharge) or 'shipped'.");
    const Timestamp delivered_at = command.delivered_at.value_or(actor.now);
    if (auto refusal = check_delivery_time(delivered_at, c.applied_at, c.decided_at, actor.now)) refuse(*refusal);

    auto check = delivery_gate_check(tx, actor, c, device, command, delivered_at, site_check_max_years);
    auto reasons = command.exchange ? check_exchange_delivery(check) : check_delivery(check);
    if (!reasons.empty()) refuse_all(reasons, kind_for(reasons, device.status.state));
    if (!command.exchange)
        if (auto refusal = check_case_delivery(c.status)) refuse(*refusal, RefusalKind::conflict);

    db::Loan loan;
    loan.unit_id = c.unit_id;
    loan.case_id = c.id;
    loan.device_id = device.id;
    loan.delivered_at = delivered_at;
    loan.due_on = command.due_on.value_or(loan_due(local_date(delivered_at), c.loan_days));
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
    if (command.exchange) data.set("exchange", true);
    data.set("delivered_at", to_iso(loan.delivered_at));
    data.set("trained", loan.trained_who);
    if (!loan.not_fitted_reason.empty()) data.set("not_fitted_reason", loan.not_fitted_reason);
    move_device(tx, actor, device, DeviceAction::deliver, c.id, json_text(data));
    if (command.exchange) return {loan, device, c};   // the case stays delivered; exchange.cpp logs the swap

    const auto before = c.status;
    c.status = CaseStatus::delivered;
    c.delivered_at = delivered_at;
    tx.update_case(c);
    record_event(tx, actor, EventDraft{"case_delivered", device.id, c.id, to_string(before), to_string(c.status),
                                       json_text(data)});
    deliver_picked_with_device(tx, actor, c, delivered_at);   // picked consumables go out with the device
    return {loan, device, c};
}

void end_loan(db::Transaction& tx, const Actor& actor, db::Loan& loan, LoanEnd how, Timestamp at,
              const std::string& data_json) {
    loan.returned_at = at;
    loan.end_reason = to_string(how);
    tx.update_loan(loan);
    end_transfer_with_loan(tx, actor, loan.case_id);
    auto c = tx.case_by_id(loan.case_id);
    if (!c || check_case_close(c->status)) return;
    for (const auto& other : tx.loans_of_case(c->id))
        if (!other.returned_at) return;
    const auto before = c->status;
    c->status = CaseStatus::closed;
    tx.update_case(*c);
    record_event(tx, actor, EventDraft{"case_closed", loan.device_id, c->id, to_string(before), to_string(c->status),
                                       data_json});
}

ReturnOutcome return_device(db::Transaction& tx, const Actor& actor, db::Id device_id,
                            std::optional<Timestamp> returned_at) {
    auto device = own_device(tx, actor, device_id);
    auto loan = tx.open_loan_for_device(device.id);
    auto pickup = tx.open_pickup_task_for_device(device.id);
    if (!loan) {   // still at the patient's after the loan ended (death): fetched against its pick-up task
        if (auto refusal = check_pickup_return(device.status.state, pickup.has_value())) refuse(*refusal, RefusalKind::conflict);
        auto ended = tx.loan(pickup->loan_id);
        Poco::JSON::Object data;
        data.set("loan_id", pickup->loan_id);
        data.set("pickup_task_id", pickup->id);
        move_device(tx, actor, device, DeviceAction::take_return, pickup->case_id, json_text(data));
        tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
        return {ended.value_or(db::Loan{}), device};
    }
    if (returned_at && *returned_at < loan->delivered_at) {
        refuse(RefusalKind::conflict, "stale_scan", "This return was scanned before the device's current loan began (" +
                                    to_iso(loan->delivered_at) + "); it belongs to an earlier loan and is not applied.");
    }
    const Timestamp at = returned_at ? std::min(*returned_at, actor.now) : actor.now;
    Poco::JSON::Object data;
    data.set("loan_id", loan->id);
    data.set("loan_days", days_between(local_date(loan->delivered_at), local_date(at)));
    if (pickup) data.set("pickup_task_id", pickup->id);
    move_device(tx, actor, device, DeviceAction::take_return, loan->case_id, json_text(data));
    end_loan(tx, actor, *loan, LoanEnd::returned, at, json_text(data));
    if (pickup) tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
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
    if (loan) end_loan(tx, actor, *loan, LoanEnd::lost, actor.now, json_text(data));
    if (auto pickup = tx.open_pickup_task_for_device(device.id)) tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
    return device;
}

}  // namespace bhm::server
