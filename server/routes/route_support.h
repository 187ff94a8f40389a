// Small glue for route files: run a command in one write transaction (or a
// read), as the calling actor, and return the JSON it builds inside it.
#pragma once

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "server/app.h"
#include "server/http/fields.h"
#include "server/http/problem.h"
#include "server/http/router.h"
#include "server/services/actor.h"
#include "server/views/views.h"

namespace bhm::server {

template <class Work>
Poco::Dynamic::Var in_write(App& app, const Request& request, Work work) {
    Poco::Dynamic::Var result;
    Actor actor{request.caller, app.clock.now(), ""};
    app.store.write([&](db::Transaction& tx) { result = work(tx, actor); });
    return result;
}

template <class Work>
Poco::Dynamic::Var in_read(App& app, const Request& request, Work work) {
    Poco::Dynamic::Var result;
    Actor actor{request.caller, app.clock.now(), ""};
    app.store.read([&](db::Transaction& tx) { result = work(tx, actor); });
    return result;
}

// Paging: ?limit=1..500 (default 100) and ?cursor=<last id seen>.
db::Page page_of(const Request& request);
// {"items": [...], "next_cursor": "<id>" | null}
Poco::JSON::Object::Ptr paged(const Poco::JSON::Array::Ptr& items, db::Id last_id, std::size_t limit);
// The lists ordered by a date, then id (overdue loans, inspections due) page when the request asks with ?limit=
// or ?cursor=; without either they answer the whole list as before. The cursor is "<date>_<id>" ("_<id>" for
// no date): std::nullopt when not paged, a 400 invalid_query for a malformed one.
std::optional<db::DatedPage> dated_page_of(const Request& request);
Poco::JSON::Object::Ptr dated_paged(const Poco::JSON::Array::Ptr& items, std::optional<Date> last_date, db::Id last_id,
                                    std::size_t limit);

// Roles, named once.
inline const std::vector<std::string> warehouse_roles{"warehouse", "manager", "admin"};
inline const std::vector<std::string> technician_roles{"technician", "manager", "admin"};
inline const std::vector<std::string> case_roles{"caseworker", "manager", "admin"};
inline const std::vector<std::string> delivery_roles{"warehouse", "caseworker", "manager", "admin"};
inline const std::vector<std::string> cleaning_roles{"warehouse", "technician", "manager", "admin"};
inline const std::vector<std::string> admin_roles{"admin"};
inline const std::vector<std::string> catalogue_roles{"manager", "admin"};

void add_session_routes(Router& router, App& app);
void add_catalogue_routes(Router& router, App& app);
void add_device_routes(Router& router, App& app);
void add_inspection_routes(Router& router, App& app);
void add_instrument_routes(Router& router, App& app);
void add_case_routes(Router& router, App& app);
void add_case_history_routes(Router& router, App& app);
void add_loan_routes(Router& router, App& app);
void add_scan_routes(Router& router, App& app);
void add_station_routes(Router& router, App& app);
void add_user_routes(Router& router, App& app);
void add_report_routes(Router& router, App& app);
void add_label_routes(Router& router, App& app);
void add_patient_access_routes(Router& router, App& app);
void add_inspection_limit_routes(Router& router, App& app);
void add_requester_rights_routes(Router& router, App& app);
void add_delivery_check_routes(Router& router, App& app);
void add_dashboard_routes(Router& router, App& app);
void add_service_order_list_routes(Router& router, App& app);
void add_report_chart_routes(Router& router, App& app);
void add_consumable_routes(Router& router, App& app);
void add_consumable_order_routes(Router& router, App& app);
void add_recall_routes(Router& router, App& app);
void add_openapi_route(Router& router);

// Every route of the API, in matching order.
void add_all_routes(Router& router, App& app);

}  // namespace bhm::server
