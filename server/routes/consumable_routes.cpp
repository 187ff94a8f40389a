// /consumables: the catalogue of consumables (rule 8's payer on each item), stock by lot with the status
// that holds today, receipts of packs, a lot's status, stock levels per warehouse and the reorder list.
#include "server/routes/route_support.h"
#include "server/services/consumable_stock.h"
#include "server/services/consumable_supply.h"
#include "server/views/consumable_views.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/catalogue/category.h"
#include "shared/consumables/collection_gap.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

int quantity_field(const Poco::JSON::Object::Ptr& body, const std::string& field, int fallback, int min) {
    auto value = optional_int(body, field);
    if (!value) return fallback;
    if (*value < min || *value > 100000)
        bad_request("invalid_field", "Field '" + field + "' must be from " + std::to_string(min) + " to 100000.");
    return static_cast<int>(*value);
}

std::string checked_gtin(const Poco::JSON::Object::Ptr& body) {
    auto gtin = required_string(body, "gtin", 14);
    if (gtin.size() != 14 || !barcode::gtin_check_digit_ok(gtin))
        bad_request("invalid_field", "Field 'gtin' must be a GTIN-14 with a valid check digit.");
    return gtin;
}

}  // namespace

void add_consumable_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/consumables", Access::user, {},
        "The consumables catalogue: GTIN, unit of issue, price in øre, categories, payer (rule 8).", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor&) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& item : tx.consumable_items()) items->add(consumable_item_view(item));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/consumables", Access::user, catalogue_roles, "Add a consumable to the catalogue.",
        R"({"gtin":"07090012001006","name":"Full face CPAP mask, size M","unit_of_issue":"each","price_ore":189000,"categories":["cpap"],"payer":"device_tied"})",
        [&app](Request& request) {
            auto body = request.json();
            db::ConsumableItem item;
            item.gtin = checked_gtin(body);
            item.name = required_string(body, "name", 200);
            item.unit_of_issue = required_string(body, "unit_of_issue", 64);
            item.price_ore = required_int(body, "price_ore");
            if (item.price_ore < 0) bad_request("invalid_field", "Field 'price_ore' must not be negative.");
            auto payer = parse_payer(required_string(body, "payer", 16));
            if (!payer) bad_request("invalid_field", "Field 'payer' must be device_tied or municipality.");
            item.payer = *payer;
            auto categories = body->getArray("categories");
            if (!categories || categories->size() == 0 || categories->size() > 20)
                bad_request("invalid_field", "Field 'categories' must list 1 to 20 device categories.");
            for (std::size_t i = 0; i < categories->size(); ++i) {
                auto value = categories->get(static_cast<unsigned>(i));
                if (!value.isString() || !find_category(value.toString()))
                    bad_request("invalid_field", "Field 'categories' holds an unknown device category.");
                item.categories.push_back(value.toString());
            }
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                if (tx.consumable_item_by_gtin(item.gtin) || tx.model_by_gtin(item.gtin))
                    fail(409, "duplicate", "An item or device model with this GTIN exists already.");
                item.id = tx.insert_consumable_item(item);
                auto view = consumable_item_view(item);
                record_event(tx, actor, EventDraft{"consumable_added", {}, {}, "", "", json_text(*view)});
                return view;
            }), 201);
        }});

    router.add({"GET", "/api/v1/consumables/stock", Access::user, {},
        "Your unit's consumable stock by warehouse, item, lot and expiry (?item_id=, ?warehouse_id=); "
        "effective_status and near_expiry as of today.", "",
        [&app](Request& request) {
            std::optional<db::Id> item_id, warehouse_id;
            if (auto v = request.query_value("item_id")) item_id = query_int(v, "item_id", 0, 1, 2'000'000'000);
            if (auto v = request.query_value("warehouse_id")) warehouse_id = query_int(v, "warehouse_id", 0, 1, 2'000'000'000);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const Date today = local_date(actor.now);
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& lot : tx.lots_of_unit(actor.caller.unit_id, item_id)) {
                    if (warehouse_id && lot.warehouse_id != *warehouse_id) continue;
                    auto view = lot_view(lot, today);
                    if (auto item = tx.consumable_item(lot.item_id)) {
                        view->set("gtin", item->gtin);
                        view->set("name", item->name);
                        view->set("unit_of_issue", item->unit_of_issue);
                    }
                    items->add(view);
                }
                return items;
            }));
        }});

    router.add({"GET", "/api/v1/consumables/lots/{id}", Access::user, {}, "One lot with its status changes.", "",
        [&app](Request& request) {
            const auto id = request.id_param();
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto lot = own_lot(tx, actor, id);
                auto view = lot_view(lot, local_date(actor.now));
                Poco::JSON::Array::Ptr changes = new Poco::JSON::Array;
                for (const auto& c : tx.lot_status_changes(lot.id)) {
                    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                    o->set("from", to_string(c.from));
                    o->set("to", to_string(c.to));
                    o->set("reason", c.reason);
                    o->set("at", to_iso(c.changed_at));
                    o->set("by", c.changed_by);
                    changes->add(o);
                }
                view->set("status_changes", changes);
                return view;
            }));
        }});

    router.add({"POST", "/api/v1/consumables/receipts", Access::user, warehouse_roles,
        "Receive consumable packs: GTIN, lot, expiry and quantity (typed), into a warehouse of your unit.",
        R"({"gtin":"07090012001006","lot":"A2611","expiry":"2028-06-30","quantity":10,"warehouse_id":1})",
        [&app](Request& request) {
            auto body = request.json();
            ReceivePack pack;
            pack.gtin = checked_gtin(body);
            pack.lot = required_string(body, "lot", 20);
            pack.expiry = required_date(body, "expiry");
            pack.quantity = quantity_field(body, "quantity", 1, 1);
            if (auto w = optional_int(body, "warehouse_id")) pack.warehouse_id = *w;
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return lot_view(receive_pack(tx, actor, pack), local_date(actor.now));
            }), 201);
        }});

    router.add({"POST", "/api/v1/consumables/lots/{id}/status", Access::user, warehouse_roles,
        "Set a lot's status (available, on_hold, quarantined, recalled, expired) with a reason; recalled only "
        "by a manager or admin.",
        R"({"status":"on_hold","reason":"Damaged outer boxes; waiting for the supplier"})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            auto status = parse_lot_status(required_string(body, "status", 16));
            if (!status)
                bad_request("invalid_field", "Field 'status' must be available, on_hold, quarantined, recalled or expired.");
            const auto reason = required_free_text(body, "reason", 500);
            if (*status == LotStatus::recalled && request.caller.role != "manager" && request.caller.role != "admin")
                forbidden("Only a manager or admin marks a lot recalled.");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return lot_view(change_lot_status(tx, actor, id, *status, reason), local_date(actor.now));
            }));
        }});

    router.add({"PUT", "/api/v1/warehouses/{id}/stock-levels", Access::user, warehouse_roles,
        "Set a warehouse's minimum and maximum for a consumable (the reorder list uses them).",
        R"({"item_id":1,"minimum":10,"maximum":40})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            const auto item_id = required_int(body, "item_id");
            const int minimum = quantity_field(body, "minimum", -1, 0);
            const int maximum = quantity_field(body, "maximum", -1, 0);
            if (minimum < 0 || maximum < 0) bad_request("missing_field", "Fields 'minimum' and 'maximum' are required.");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto level = set_stock_level(tx, actor, id, item_id, minimum, maximum);
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("warehouse_id", level.warehouse_id);
                o->set("item_id", level.item_id);
                o->set("minimum", level.minimum);
                o->set("maximum", level.maximum);
                return o;
            }));
        }});

    router.add({"GET", "/api/v1/consumables/reorder", Access::user, warehouse_roles,
        "Items below their minimum in each warehouse of your unit, and how many to order up to the maximum.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                return reorder_list(tx, actor);
            }));
        }});

    router.add({"GET", "/api/v1/consumables/collection-gaps", Access::user, case_roles,
        "Open loans whose device-tied consumables have not been collected for more than ?days=N (default 180): "
        "candidates to contact about a return.", "",
        [&app](Request& request) {
            const int days = query_int(request.query_value("days"), "days", default_collection_gap_days, 1, 3650);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return collection_gaps(tx, actor, days);
            }));
        }});
}

}  // namespace bhm::server
