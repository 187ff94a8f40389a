// Paging helpers and the full route table.
#include "server/routes/route_support.h"

#include "server/routes/flow_routes.h"

namespace bhm::server {

db::Page page_of(const Request& request) {
    db::Page page;
    page.limit = query_int(request.query_value("limit"), "limit", 100, 1, 500);
    page.after_id = query_int(request.query_value("cursor"), "cursor", 0, 0, 2'000'000'000);
    return page;
}

Poco::JSON::Object::Ptr paged(const Poco::JSON::Array::Ptr& items, db::Id last_id, std::size_t limit) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    if (items->size() == limit && last_id > 0) o->set("next_cursor", std::to_string(last_id));
    else o->set("next_cursor", Poco::Dynamic::Var());
    return o;
}

void add_all_routes(Router& router, App& app) {
    add_session_routes(router, app);
    add_catalogue_routes(router, app);
    add_device_routes(router, app);
    add_inspection_routes(router, app);
    add_instrument_routes(router, app);
    add_case_routes(router, app);
    add_case_history_routes(router, app);
    add_loan_routes(router, app);
    add_scan_routes(router, app);
    add_station_routes(router, app);
    add_user_routes(router, app);
    add_report_routes(router, app);
    add_label_routes(router, app);
    add_flow_routes(router, app);
    add_patient_access_routes(router, app);
    add_inspection_limit_routes(router, app);
    add_requester_rights_routes(router, app);
    add_delivery_check_routes(router, app);
    add_dashboard_routes(router, app);
    add_service_order_list_routes(router, app);
    add_report_chart_routes(router, app);
    add_consumable_routes(router, app);
    add_consumable_order_routes(router, app);
    add_recall_routes(router, app);
    add_openapi_route(router);
}

}  // namespace bhm::server
