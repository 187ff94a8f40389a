// /cases/{id}/exchanges: swap the device at the patient's for another on the same case. The body is a delivery
// (the same checklist, read by delivery_command) plus the device coming back and its fault.
#include "server/routes/flow_routes.h"
#include "server/services/exchange.h"

namespace bhm::server {

void add_exchange_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/cases/{id}/exchanges", Access::user, delivery_roles,
        "Exchange at home: the device coming back goes to service, the replacement goes out through the delivery "
        "gate; the case stays open.",
        R"({"returning_device_id":12,"fault":"Alarm sounds at start-up","device_id":14,"handover":"shipped","manual_included":true,"training_recorded":true,"trained":"patient","fitted_and_tested":true})",
        [&app](Request& request) {
            auto body = request.json();
            ExchangeCommand command;
            command.returning_device_id = required_int(body, "returning_device_id");
            command.fault = required_free_text(body, "fault");
            command.replacement = delivery_command(body);
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto outcome = exchange_device(tx, actor, request.id_param(), command);
                Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
                view->set("ended_loan", loan_view(outcome.ended_loan));
                view->set("returned_device", device_view(tx, outcome.returned_device));
                view->set("service_order", service_order_view(outcome.service_order));
                view->set("loan", loan_view(outcome.delivery.loan));
                view->set("device", device_view(tx, outcome.delivery.device));
                view->set("case", case_view(tx, outcome.delivery.c));
                return view;
            }), 201);
        }});
}

}  // namespace bhm::server
