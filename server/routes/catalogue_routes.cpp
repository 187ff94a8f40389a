// The catalogue and the organisation: categories with their rules, device
// models, the caller's unit (a manager sees the region), warehouses and shelves.
#include <map>

#include "server/routes/route_support.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/inspection/iec62353.h"

namespace bhm::server {

void add_catalogue_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/categories", Access::user, {}, "Device categories and their rules.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor&) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& c : tx.categories()) items->add(category_view(c, tx.category_consumables(c.code)));
                return items;
            }));
        }});

    router.add({"GET", "/api/v1/models", Access::user, {}, "Device models (GTIN, category, price in øre, class).", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor&) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& m : tx.models()) items->add(model_view(m));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/models", Access::user, catalogue_roles, "Add a device model to the catalogue.",
        R"({"gtin":"09506000134352","manufacturer":"...","name":"...","category":"cpap","price_ore":1250000,"protection_class":"II","applied_part":"BF"})",
        [&app](Request& request) {
            auto body = request.json();
            db::Model model;
            model.gtin = required_string(body, "gtin", 14);
            if (model.gtin.size() != 14 || !barcode::gtin_check_digit_ok(model.gtin))
                bad_request("invalid_field", "Field 'gtin' must be a GTIN-14 with a valid check digit.");
            model.manufacturer = required_string(body, "manufacturer", 200);
            model.name = required_string(body, "name", 200);
            model.category = required_string(body, "category", 64);
            model.price_ore = required_int(body, "price_ore");
            if (model.price_ore < 0) bad_request("invalid_field", "Field 'price_ore' must not be negative.");
            model.protection_class = required_string(body, "protection_class", 4);
            if (!parse_protection_class(model.protection_class))
                bad_request("invalid_field", "Field 'protection_class' must be I, II or IP.");
            model.applied_part = optional_string(body, "applied_part", 4).value_or("none");
            if (!parse_applied_part_type(model.applied_part))
                bad_request("invalid_field", "Field 'applied_part' must be none, B, BF or CF.");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                category_of(tx, model.category);
                if (tx.model_by_gtin(model.gtin)) fail(409, "duplicate", "A model with this GTIN exists already.");
                model.id = tx.insert_model(model);
                record_event(tx, actor, EventDraft{"model_added", {}, {}, "", "", json_text(*model_view(model))});
                return model_view(model);
            }), 201);
        }});

    router.add({"GET", "/api/v1/units", Access::user, {}, "Your unit; a manager sees every unit of the region.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& u : tx.units()) {
                    if (!may_read_unit(tx, actor.caller, u.id)) continue;
                    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                    o->set("id", u.id);
                    o->set("code", u.code);
                    o->set("name", u.name);
                    o->set("region_id", u.region_id);
                    items->add(o);
                }
                return items;
            }));
        }});

    // Where a case can be transferred (POST /cases/{id}/transfer): every unit in the country, by name and
    // region only, so a caseworker can pick the receiving unit of a patient who moves out of the region.
    router.add({"GET", "/api/v1/units/directory", Access::user, case_roles,
        "Every BHM unit in the country with its region (id, code, name): the receiving units of a transfer.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                std::map<db::Id, std::string> regions;
                for (const auto& r : tx.regions()) regions[r.id] = r.name;
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& u : tx.units()) {
                    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                    o->set("id", u.id);
                    o->set("code", u.code);
                    o->set("name", u.name);
                    o->set("region_id", u.region_id);
                    o->set("region", regions[u.region_id]);
                    o->set("own", u.id == actor.caller.unit_id);
                    items->add(o);
                }
                return items;
            }));
        }});

    router.add({"GET", "/api/v1/warehouses", Access::user, {}, "Your unit's warehouses and their shelf locations.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& w : tx.warehouses(actor.caller.unit_id)) {
                    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                    o->set("id", w.id);
                    o->set("name", w.name);
                    Poco::JSON::Array::Ptr locations = new Poco::JSON::Array;
                    for (const auto& l : tx.locations(w.id)) {
                        Poco::JSON::Object::Ptr lo = new Poco::JSON::Object;
                        lo->set("id", l.id);
                        lo->set("code", l.code);
                        locations->add(lo);
                    }
                    o->set("locations", locations);
                    items->add(o);
                }
                return items;
            }));
        }});
}

}  // namespace bhm::server
