// The technicians' work list: every open service order of the unit (the devices in service), each
// with its device and whether work has started. A closed order is read by its id.
#include "server/routes/route_support.h"

namespace bhm::server {

void add_service_order_list_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/service-orders", Access::user, technician_roles,
        "Open service orders of your unit, oldest first, each with its device and status open | in_progress.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                db::DeviceFilter filter;
                filter.unit_id = actor.caller.unit_id;
                filter.state = DeviceState::in_service;
                db::Page page{500, 0};
                for (;;) {
                    auto devices = tx.devices(filter, page);
                    for (const auto& d : devices) {
                        auto order = tx.open_service_order(d.id);
                        if (!order) continue;
                        auto view = service_order_view(*order);
                        view->set("status", order->work.empty() && order->parts.empty() ? "open" : "in_progress");
                        view->set("device", device_view(tx, d));
                        items->add(view);
                    }
                    if (devices.size() < static_cast<std::size_t>(page.limit)) break;
                    page.after_id = devices.back().id;
                }
                return items;
            }));
        }});
}

}  // namespace bhm::server
