// /cases/{id}/transfer, /transfers/{id}/receive, /transfers/{id}/cancel and /transfers: a case moves with its
// loan to another unit, or the move is called off.
// The receiving unit sees the pending transfer (case number, category, device tag) but no patient identity
// until it has received it; only then is the case its own.
#include "server/routes/flow_routes.h"
#include "server/services/transfers.h"
#include "server/views/flow_views.h"

namespace bhm::server {

void add_transfer_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/cases/{id}/transfer", Access::user, case_roles,
        "The patient moves to another region: hand the case and its loan over to the receiving unit.",
        R"({"to_unit_id":2,"reason":"The patient moved to Bergen."})",
        [&app](Request& request) {
            auto body = request.json();
            TransferCommand command{required_int(body, "to_unit_id"), required_free_text(body, "reason")};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return transfer_view(tx, start_transfer(tx, actor, request.id_param(), command));
            }), 201);
        }});

    router.add({"POST", "/api/v1/transfers/{id}/receive", Access::user, delivery_roles,
        "The receiving unit (its warehouse or caseworkers) takes over the case, its loan and the device.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return transfer_view(tx, receive_transfer(tx, actor, request.id_param()));
            }));
        }});

    router.add({"POST", "/api/v1/transfers/{id}/cancel", Access::user, case_roles,
        "Either unit's caseworker or manager calls off a pending transfer, with a reason; both units' trails show it.",
        R"({"reason":"The patient stays in Tromsø."})",
        [&app](Request& request) {
            auto body = request.json();
            const std::string reason = required_free_text(body, "reason");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return transfer_view(tx, cancel_transfer(tx, actor, request.id_param(), reason));
            }));
        }});

    router.add({"GET", "/api/v1/transfers", Access::user, {}, "Transfers your unit sent or received, newest first.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& t : unit_transfers(tx, actor)) {
                    auto view = transfer_view(tx, t);
                    view->set("trail", transfer_trail(tx, actor, t));   // this unit's own events of the transfer
                    items->add(view);
                }
                return items;
            }));
        }});
}

}  // namespace bhm::server
