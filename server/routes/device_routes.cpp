// /devices: list and look up (a manager may look across the region, read-only),
// receive, clean, shelve, retire, report lost/found, and the history.
#include "server/routes/route_support.h"
#include "server/services/loans.h"
#include "server/services/receiving.h"

namespace bhm::server {
namespace {

db::Device readable_device(db::Transaction& tx, const Actor& actor, db::Id id) {
    auto device = tx.device(id);
    if (!device || !may_read_unit(tx, actor.caller, device->unit_id)) not_found("Device " + std::to_string(id));
    return *device;
}

void add_lifecycle_route(Router& router, App& app, const std::string& path, DeviceAction action,
                         const std::vector<std::string>& roles, const std::string& summary) {
    router.add({"POST", "/api/v1/devices/{id}/" + path, Access::user, roles, summary, R"({"note":"..."})",
        [&app, action](Request& request) {
            auto note = request.body.empty() ? std::string() : optional_free_text(request.json(), "note").value_or("");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto device = own_device(tx, actor, request.id_param());
                Poco::JSON::Object data;
                data.set("note", note);
                move_device(tx, actor, device, action, std::nullopt, json_text(data));
                return device_view(tx, device);
            }));
        }});
}

}  // namespace

void add_device_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/devices", Access::user, {},
        "Devices of your unit (?state=&category=&scope=region for managers&limit=&cursor=).", "",
        [&app](Request& request) {
            db::DeviceFilter filter;
            if (auto state = request.query_value("state")) {
                filter.state = parse_device_state(*state);
                if (!filter.state) bad_request("invalid_query", "Unknown device state '" + *state + "'.");
            }
            filter.category = request.query_value("category");
            if (request.query_value("scope").value_or("unit") == "region") {
                if (request.caller.role != "manager") forbidden("Only a manager may see the whole region.");
                filter.region_id = request.caller.region_id;
            } else {
                filter.unit_id = request.caller.unit_id;
            }
            auto page = page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor&) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                db::Id last = 0;
                for (const auto& d : tx.devices(filter, page)) {
                    items->add(device_view(tx, d));
                    last = d.id;
                }
                return paged(items, last, static_cast<std::size_t>(page.limit));
            }));
        }});

    router.add({"POST", "/api/v1/devices", Access::user, warehouse_roles,
        "Receive a device into stock by model (id or GTIN) and serial; assigns our asset tag.",
        R"({"gtin":"09506000134352","serial":"SN123","location_id":1})",
        [&app](Request& request) {
            auto body = request.json();
            ReceiveCommand command;
            command.model_id = optional_int(body, "model_id");
            command.gtin = optional_string(body, "gtin", 14).value_or("");
            command.serial = required_string(body, "serial", 100);
            command.warehouse_id = optional_int(body, "warehouse_id");
            command.location_id = optional_int(body, "location_id");
            if (!command.model_id && command.gtin.empty())
                bad_request("missing_field", "Give the device model as 'model_id' or 'gtin'.");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, receive_device(tx, actor, command).device);
            }), 201);
        }});

    router.add({"GET", "/api/v1/devices/{id}", Access::user, {}, "One device with its model and state.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto device = readable_device(tx, actor, request.id_param());
                auto view = device_view(tx, device);
                if (auto loan = tx.open_loan_for_device(device.id)) view->set("loan", loan_view(*loan));
                return view;
            }));
        }});

    router.add({"GET", "/api/v1/devices/{id}/history", Access::user, {},
        "The device's audit trail: who, when, what, before and after, which station or scan.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto device = readable_device(tx, actor, request.id_param());
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& e : tx.device_events(device.id)) items->add(event_view(e));
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("device_id", device.id);
                o->set("asset_tag", device.asset_tag);
                o->set("events", items);
                return o;
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/cleaning", Access::user, cleaning_roles,
        "Record that a received, returned or serviced device was cleaned.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, record_cleaning(tx, actor, request.id_param()));
            }));
        }});

    router.add({"PUT", "/api/v1/devices/{id}/location", Access::user, warehouse_roles,
        "Move the device to a shelf location of your unit.", R"({"location_id":3})",
        [&app](Request& request) {
            auto location_id = required_int(request.json(), "location_id");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, move_to_location(tx, actor, request.id_param(), location_id));
            }));
        }});

    add_lifecycle_route(router, app, "retire", DeviceAction::retire, catalogue_roles, "Retire a device for good.");
    router.add({"POST", "/api/v1/devices/{id}/lost", Access::user, warehouse_roles,
        "Report a device lost; lost at the patient's, the loan ends and the case closes.", R"({"note":"..."})",
        [&app](Request& request) {
            auto note = request.body.empty() ? std::string() : optional_free_text(request.json(), "note").value_or("");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, report_device_lost(tx, actor, request.id_param(), note));
            }));
        }});
    add_lifecycle_route(router, app, "found", DeviceAction::report_found, warehouse_roles,
                        "A lost device is back; it goes through cleaning and inspection.");
}

}  // namespace bhm::server
