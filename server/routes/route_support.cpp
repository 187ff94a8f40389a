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

std::optional<db::DatedPage> dated_page_of(const Request& request) {
    const auto limit = request.query_value("limit"), cursor = request.query_value("cursor");
    if (!limit && !cursor) return std::nullopt;
    db::DatedPage page;
    page.limit = query_int(limit, "limit", 100, 1, 500);
    if (cursor) {
        const auto split = cursor->find('_');
        if (split == std::string::npos || split + 1 >= cursor->size() || cursor->size() > 40)
            bad_request("invalid_query", "Query parameter 'cursor' must be a next_cursor from the previous page.");
        if (split > 0) page.after_date = query_date(cursor->substr(0, split), "cursor");
        page.after_id = query_int(cursor->substr(split + 1), "cursor", 0, 0, 2'000'000'000);
    }
    return page;
}

Poco::JSON::Object::Ptr dated_paged(const Poco::JSON::Array::Ptr& items, std::optional<Date> last_date, db::Id last_id,
                                    std::size_t limit) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("items", items);
    if (items->size() == limit && last_id > 0)
        o->set("next_cursor", (last_date ? to_iso(*last_date) : std::string()) + "_" + std::to_string(last_id));
    else
        o->set("next_cursor", Poco::Dynamic::Var());
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
