// Consumable orders for a case (rule 8), FEFO picking and delivery after the device, and standing supply:
// a case's standing orders, the order for the next delivery, and the week's due list.
#include "server/routes/route_support.h"
#include "server/services/consumable_orders.h"
#include "server/services/consumable_supply.h"
#include "server/views/consumable_views.h"
#include "shared/consumables/standing_supply.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

std::vector<OrderLineRequest> order_lines_of(const Poco::JSON::Object::Ptr& body) {
    auto lines = body->getArray("lines");
    if (!lines || lines->size() == 0 || lines->size() > 50)
        bad_request("invalid_field", "Field 'lines' must list 1 to 50 lines of {item_id, quantity}.");
    std::vector<OrderLineRequest> out;
    for (std::size_t i = 0; i < lines->size(); ++i) {
        auto line = lines->getObject(static_cast<unsigned>(i));
        if (!line) bad_request("invalid_field", "Line " + std::to_string(i) + " is not an object.");
        const auto item_id = required_int(line, "item_id");
        const auto quantity = required_int(line, "quantity");
        if (quantity < 1 || quantity > 1000)
            bad_request("invalid_field", "Line " + std::to_string(i) + ": 'quantity' must be from 1 to 1000.");
        out.push_back({item_id, static_cast<int>(quantity)});
    }
    return out;
}

}  // namespace

void add_consumable_order_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/cases/{id}/consumable-orders", Access::user, delivery_roles,
        "Order consumables for an approved case: only device-tied items of its category (rule 8).",
        R"({"lines":[{"item_id":1,"quantity":1}],"warehouse_id":1})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            auto lines = order_lines_of(body);
            std::optional<db::Id> warehouse_id;
            if (auto w = optional_int(body, "warehouse_id")) warehouse_id = *w;
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto order = create_consumable_order(tx, actor, id, lines, warehouse_id);
                return consumable_order_view(tx, order, local_date(actor.now));
            }), 201);
        }});

    router.add({"GET", "/api/v1/cases/{id}/consumable-orders", Access::user, {}, "A case's consumable orders.", "",
        [&app](Request& request) {
            const auto id = request.id_param();
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto c = own_case(tx, actor, id);
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& order : tx.consumable_orders_of_case(c.id))
                    items->add(consumable_order_view(tx, order, local_date(actor.now)));
                return items;
            }));
        }});

    router.add({"GET", "/api/v1/consumable-orders/{id}", Access::user, {},
        "One consumable order: lines, picks, and the lots proposed first-expiry-first-out.", "",
        [&app](Request& request) {
            const auto id = request.id_param();
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return consumable_order_view(tx, own_consumable_order(tx, actor, id), local_date(actor.now));
            }));
        }});

    router.add({"POST", "/api/v1/consumable-orders/{id}/picks", Access::user, warehouse_roles,
        "Pick for the order: {lot_id, quantity} from one lot, or {\"fefo\": true} to take the proposed lots. "
        "An expired, recalled, on-hold or quarantined lot is refused.",
        R"({"lot_id":1,"quantity":1})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            const bool fefo = optional_bool(body, "fefo", false);
            std::optional<std::int64_t> lot_id = optional_int(body, "lot_id");
            if (!fefo && !lot_id) bad_request("missing_field", "Give 'lot_id' and 'quantity', or 'fefo': true.");
            int quantity = 0;
            if (!fefo) {
                const auto q = required_int(body, "quantity");
                if (q < 1 || q > 1000) bad_request("invalid_field", "Field 'quantity' must be from 1 to 1000.");
                quantity = static_cast<int>(q);
            }
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto order = fefo ? pick_by_proposal(tx, actor, id) : pick_lot(tx, actor, id, *lot_id, quantity);
                return consumable_order_view(tx, order, local_date(actor.now));
            }));
        }});

    router.add({"POST", "/api/v1/consumable-orders/{id}/delivery", Access::user, delivery_roles,
        "Send a picked order after the case's device has been delivered (with the device, the delivery sends it).",
        R"({"delivered_at":"2026-03-02T10:00:00Z"})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            auto at = optional_timestamp(body, "delivered_at");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto order = deliver_consumable_order(tx, actor, id, at);
                return consumable_order_view(tx, order, local_date(actor.now));
            }));
        }});

    router.add({"POST", "/api/v1/cases/{id}/standing-orders", Access::user, case_roles,
        "A standing order for the case: an item, a quantity and an interval in days (rule 8 applies).",
        R"({"item_id":1,"quantity":1,"interval_days":90,"start_on":"2026-03-01"})",
        [&app](Request& request) {
            const auto id = request.id_param();
            auto body = request.json();
            StandingOrderCommand command;
            command.item_id = required_int(body, "item_id");
            const auto quantity = required_int(body, "quantity");
            const auto interval = required_int(body, "interval_days");
            if (quantity < 1 || quantity > 1000) bad_request("invalid_field", "Field 'quantity' must be from 1 to 1000.");
            if (interval < 1 || interval > 730) bad_request("invalid_field", "Field 'interval_days' must be from 1 to 730.");
            command.quantity = static_cast<int>(quantity);
            command.interval_days = static_cast<int>(interval);
            command.start_on = optional_date(body, "start_on");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto s = create_standing_order(tx, actor, id, command);
                return standing_order_view(s, standing_order_next_due(s.start_on, s.last_sent_on, s.interval_days));
            }), 201);
        }});

    router.add({"GET", "/api/v1/cases/{id}/standing-orders", Access::user, {}, "A case's standing orders.", "",
        [&app](Request& request) {
            const auto id = request.id_param();
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto c = own_case(tx, actor, id);
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& s : tx.standing_orders_of_case(c.id))
                    items->add(standing_order_view(s, standing_order_next_due(s.start_on, s.last_sent_on, s.interval_days)));
                return items;
            }));
        }});

    router.add({"GET", "/api/v1/standing-orders/due", Access::user, {},
        "Standing orders due to be sent by the end of this week (overdue ones first).", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                return standing_orders_due(tx, actor);
            }));
        }});

    router.add({"POST", "/api/v1/standing-orders/{id}/orders", Access::user, delivery_roles,
        "Make the consumable order for a standing order's next delivery.", "",
        [&app](Request& request) {
            const auto id = request.id_param();
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto order = order_from_standing(tx, actor, id);
                return consumable_order_view(tx, order, local_date(actor.now));
            }), 201);
        }});
}

}  // namespace bhm::server
