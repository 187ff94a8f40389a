// Electrical-safety inspections, the technicians' due list, and service orders.
#include "server/routes/route_support.h"
#include "server/services/inspection.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

InspectionCommand inspection_command(const Poco::JSON::Object::Ptr& body) {
    InspectionCommand c;
    auto& m = c.measurements;
    m.visual_ok = required_bool(body, "visual_ok");
    m.functional_ok = required_bool(body, "functional_ok");
    auto method = optional_string(body, "method", 16).value_or("direct");
    auto parsed = parse_leakage_method(method);
    if (!parsed) bad_request("invalid_field", "Field 'method' must be direct, differential or alternative.");
    m.method = *parsed;
    m.detachable_cord = optional_bool(body, "detachable_cord", false);
    m.protective_earth_ohm = optional_number(body, "protective_earth_ohm");
    m.pe_device_ohm = optional_number(body, "pe_device_ohm");
    m.pe_cord_ohm = optional_number(body, "pe_cord_ohm");
    m.insulation_mohm = optional_number(body, "insulation_mohm");
    m.insulation_min_mohm = optional_number(body, "insulation_min_mohm");
    m.equipment_leakage_ua = optional_number(body, "equipment_leakage_ua");
    m.applied_part_leakage_ua = optional_number(body, "applied_part_leakage_ua");
    for (const auto& v : {m.protective_earth_ohm, m.pe_device_ohm, m.pe_cord_ohm, m.insulation_mohm,
                          m.insulation_min_mohm, m.equipment_leakage_ua, m.applied_part_leakage_ua})
        if (v && *v < 0) bad_request("invalid_field", "Measurements must not be negative.");
    // The tester is the logged-in user, and the calibration comes from the register: a body's "tester" or
    // "instrument_calibrated_on" is not taken.
    c.instrument = required_string(body, "instrument", 200);
    c.notes = optional_free_text(body, "notes").value_or("");
    return c;
}

Poco::JSON::Object::Ptr outcome_view(db::Transaction& tx, const InspectionOutcome& outcome) {
    auto o = inspection_view(outcome.inspection);
    o->set("device", device_view(tx, outcome.device));
    o->set("service_order", outcome.service_order ? Poco::Dynamic::Var(service_order_view(*outcome.service_order))
                                                  : Poco::Dynamic::Var());
    return o;
}

}  // namespace

void add_inspection_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/inspections/due", Access::user, {},
        "Devices (also those on loan) whose inspection is due within ?within_days=N (default 30) or overdue; never "
        "inspected first, then by due date. With ?limit= or ?cursor= a page of them: {items, next_cursor}.", "",
        [&app](Request& request) {
            int within = query_int(request.query_value("within_days"), "within_days", 30, 0, 3650);
            auto page = dated_page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) -> Poco::Dynamic::Var {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                const Date today = local_date(actor.now);
                const Date by = add_days(today, within);
                const auto devices = page ? tx.devices_inspection_due(actor.caller.unit_id, by, *page)
                                          : tx.devices_inspection_due(actor.caller.unit_id, by);
                for (const auto& d : devices) {
                    auto view = device_view(tx, d);
                    // "due" is the gate's own definition (shared inspection_due): due on the day is not delivered.
                    view->set("due", inspection_due(d.inspection_due, today));
                    view->set("overdue", inspection_overdue(d.inspection_due, today));
                    items->add(view);
                }
                if (!page) return items;
                return dated_paged(items, devices.empty() ? std::nullopt : devices.back().inspection_due,
                                   devices.empty() ? 0 : devices.back().id, static_cast<std::size_t>(page->limit));
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/inspections", Access::user, technician_roles,
        "Record an IEC 62353 recurrent test with a registered, calibrated instrument; the tester is you. The server "
        "computes pass/fail from the model's class; a failure in the warehouse opens a service order.",
        R"({"visual_ok":true,"functional_ok":true,"method":"direct","protective_earth_ohm":0.1,"equipment_leakage_ua":80,"applied_part_leakage_ua":20,"instrument":"Fluke ESA615 #123","notes":""})",
        [&app](Request& request) {
            auto command = inspection_command(request.json());
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return outcome_view(tx, record_inspection(tx, actor, request.id_param(), command));
            }), 201);
        }});

    router.add({"GET", "/api/v1/devices/{id}/inspections", Access::user, {}, "A device's inspections, newest last.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto device = own_device(tx, actor, request.id_param());
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& i : tx.inspections(device.id)) items->add(inspection_view(i));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/service-orders", Access::user, cleaning_roles,
        "Open a service order with a fault description; the device goes to service.", R"({"fault":"Alarm E12"})",
        [&app](Request& request) {
            auto fault = required_free_text(request.json(), "fault");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return service_order_view(open_service_order(tx, actor, request.id_param(), fault));
            }), 201);
        }});

    router.add({"GET", "/api/v1/service-orders/{id}", Access::user, {}, "One service order.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return service_order_view(own_service_order(tx, actor, request.id_param()));
            }));
        }});

    router.add({"POST", "/api/v1/service-orders/{id}/work", Access::user, technician_roles,
        "Record work done and parts used.", R"({"work":"Replaced fan","parts":"Fan 12V x1"})",
        [&app](Request& request) {
            auto body = request.json();
            auto work = optional_free_text(body, "work").value_or("");
            auto parts = optional_free_text(body, "parts").value_or("");
            if (work.empty() && parts.empty()) bad_request("missing_field", "Give 'work' or 'parts'.");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return service_order_view(add_service_work(tx, actor, request.id_param(), work, parts));
            }));
        }});

    router.add({"POST", "/api/v1/service-orders/{id}/close", Access::user, technician_roles,
        "Close the order; needs a passed inspection since it was opened.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return service_order_view(close_service_order(tx, actor, request.id_param()));
            }));
        }});
}

}  // namespace bhm::server
