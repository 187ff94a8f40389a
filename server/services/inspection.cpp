// Inspection and service workflows: domain verdict, lifecycle move, record, event.
#include "server/services/inspection.h"

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/instruments.h"
#include "server/services/loans.h"
#include "server/views/views.h"
#include "shared/inspection/test_instrument.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

// A new open service order on the device, saved: the one way an order is made (by hand or by a failed inspection).
db::ServiceOrder insert_open_order(db::Transaction& tx, const Actor& actor, const db::Device& device,
                                   const std::string& fault) {
    db::ServiceOrder order;
    order.device_id = device.id;
    order.unit_id = device.unit_id;
    order.opened_at = actor.now;
    order.opened_by = actor.caller.actor();
    order.fault = fault;
    order.id = tx.insert_service_order(order);
    return order;
}

Poco::JSON::Object details(const InspectionCommand& c, const InspectionVerdict& verdict) {
    const auto& m = c.measurements;
    Poco::JSON::Object o;
    o.set("visual_ok", m.visual_ok);
    o.set("functional_ok", m.functional_ok);
    o.set("detachable_cord", m.detachable_cord);
    auto put = [&](const char* key, const std::optional<double>& v) { if (v) o.set(key, *v); };
    put("protective_earth_ohm", m.protective_earth_ohm);
    put("pe_device_ohm", m.pe_device_ohm);
    put("pe_cord_ohm", m.pe_cord_ohm);
    put("insulation_mohm", m.insulation_mohm);
    put("insulation_min_mohm", m.insulation_min_mohm);
    put("equipment_leakage_ua", m.equipment_leakage_ua);
    put("applied_part_leakage_ua", m.applied_part_leakage_ua);
    if (!c.notes.empty()) o.set("notes", c.notes);
    Poco::JSON::Array::Ptr checks = new Poco::JSON::Array;
    for (const auto& check : verdict.checks) {
        Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
        item->set("measurement", check.measurement);
        item->set("value", check.value);
        item->set("limit", check.limit);
        item->set("unit", check.unit);
        item->set("passed", check.passed);
        checks->add(item);
    }
    o.set("checks", checks);
    Poco::JSON::Array::Ptr failures = new Poco::JSON::Array;
    for (const auto& failure : verdict.failures) failures->add(failure.message);
    o.set("failures", failures);
    o.set("standard", "IEC 62353:2014");
    return o;
}

}  // namespace

InspectionOutcome record_inspection(db::Transaction& tx, const Actor& actor, db::Id device_id,
                                    const InspectionCommand& command) {
    auto device = own_device(tx, actor, device_id);
    auto model = model_of(tx, device);
    auto category = category_of(tx, model.category);
    auto protection = parse_protection_class(model.protection_class);
    auto applied_part = parse_applied_part_type(model.applied_part);
    if (!protection || !applied_part)
        throw std::runtime_error("model " + std::to_string(model.id) + " has an unknown protection class");
    const std::string tester = actor.caller.actor();
    if (auto refusal = check_tester(tester)) refuse(*refusal);
    auto instrument = instrument_named(tx, actor, command.instrument);
    if (auto refusal = check_inspection_instrument(instrument, command.instrument, local_date(actor.now)))
        refuse(*refusal);
    if (auto missing = check_measurements_complete(command.measurements, *protection, *applied_part)) refuse(*missing);

    InspectionOutcome outcome;
    outcome.verdict = evaluate_inspection(command.measurements, *protection, *applied_part);
    std::optional<Date> next_due;
    if (outcome.verdict.passed && category.inspection_interval_months > 0)
        next_due = next_inspection_due(local_date(actor.now), category.inspection_interval_months);
    // A failed device is due again at once, so it stays on the technicians' list (a recall if on loan).
    device.inspection_due = outcome.verdict.passed ? next_due : std::optional(local_date(actor.now));
    const auto before = device.status;
    const auto action = outcome.verdict.passed ? DeviceAction::pass_inspection : DeviceAction::fail_inspection;
    auto transition = apply(before, action, category.electrical);
    if (!transition.next) refuse(*transition.refusal, move_refusal_kind(*transition.refusal, before.state));
    device.status = *transition.next;
    tx.update_device(device);

    db::Inspection& inspection = outcome.inspection;
    inspection.device_id = device.id;
    inspection.inspected_at = actor.now;
    inspection.passed = outcome.verdict.passed;
    inspection.method = to_string(command.measurements.method);
    inspection.tester = tester;
    inspection.instrument = instrument->identity;
    inspection.instrument_calibrated_on = instrument->calibrated_on;
    inspection.next_due = next_due;
    inspection.details_json = json_text(details(command, outcome.verdict));
    inspection.id = tx.insert_inspection(inspection);

    Poco::JSON::Object data;
    data.set("inspection_id", inspection.id);
    data.set("passed", inspection.passed);
    data.set("tester", inspection.tester);
    data.set("instrument", inspection.instrument);
    if (!command.notes.empty()) data.set("notes", command.notes);
    record_event(tx, actor, EventDraft{to_string(action), device.id, std::nullopt, to_string(before.state),
                                       to_string(device.status.state), json_text(data)});

    // A picked device that left `reserved` is released from its case, so the case can pick another.
    if (device.reserved_case_id && reservation_lapses(device.status.state))
        release_lapsed_reservation(tx, actor, device, "failed inspection " + std::to_string(inspection.id));
    // Failed in the warehouse: the device is in service, and service runs on an order.
    if (!outcome.verdict.passed && failed_inspection_opens_service_order(before.state) &&
        !tx.open_service_order(device.id)) {
        std::string fault = "Failed electrical-safety inspection " + std::to_string(inspection.id) + " (IEC 62353):";
        for (const auto& failure : outcome.verdict.failures) fault += " " + failure.message;
        auto order = insert_open_order(tx, actor, device, fault);
        Poco::JSON::Object opened;
        opened.set("order_id", order.id);
        opened.set("inspection_id", inspection.id);
        opened.set("fault", fault);
        const auto state = to_string(device.status.state);
        record_event(tx, actor, EventDraft{"service_order_opened", device.id, std::nullopt, state, state,
                                           json_text(opened)});
        outcome.service_order = order;
    }
    outcome.device = device;
    return outcome;
}

db::ServiceOrder own_service_order(db::InspectionRecords& tx, const Actor& actor, db::Id order_id) {
    auto order = tx.service_order(order_id);
    if (!order || order->unit_id != actor.caller.unit_id) not_found("Service order " + std::to_string(order_id));
    return *order;
}

db::ServiceOrder open_service_order(db::Transaction& tx, const Actor& actor, db::Id device_id,
                                    const std::string& fault) {
    auto device = own_device(tx, actor, device_id);
    if (auto open = tx.open_service_order(device.id))
        refuse(RefusalKind::conflict, "service_order_open", "This device already has an open service order (" +
                                            std::to_string(open->id) + ").");
    Poco::JSON::Object data;
    data.set("fault", fault);
    move_device(tx, actor, device, DeviceAction::open_service, std::nullopt, json_text(data));
    return insert_open_order(tx, actor, device, fault);
}

db::ServiceOrder add_service_work(db::Transaction& tx, const Actor& actor, db::Id order_id, const std::string& work,
                                  const std::string& parts) {
    auto order = own_service_order(tx, actor, order_id);
    if (order.closed_at) refuse(RefusalKind::conflict, "service_order_closed", "This service order is already closed.");
    auto append = [](std::string& to, const std::string& line) {
        if (line.empty()) return;
        if (!to.empty()) to += "\n";
        to += line;
    };
    append(order.work, work);
    append(order.parts, parts);
    tx.update_service_order(order);
    Poco::JSON::Object data;
    data.set("order_id", order.id);
    data.set("work", work);
    data.set("parts", parts);
    record_event(tx, actor, EventDraft{"service_work", order.device_id, std::nullopt, "in_service", "in_service",
                                       json_text(data)});
    return order;
}

db::ServiceOrder close_service_order(db::Transaction& tx, const Actor& actor, db::Id order_id) {
    auto order = own_service_order(tx, actor, order_id);
    if (order.closed_at) refuse(RefusalKind::conflict, "service_order_closed", "This service order is already closed.");
    auto device = own_device(tx, actor, order.device_id);
    Poco::JSON::Object data;
    data.set("order_id", order.id);
    move_device(tx, actor, device, DeviceAction::close_service, std::nullopt, json_text(data));
    order.closed_at = actor.now;
    order.closed_by = actor.caller.actor();
    tx.update_service_order(order);
    return order;
}

}  // namespace bhm::server
