// /reports: the yearly figures for the national network (managers).
#include "server/routes/route_support.h"
#include "server/services/annual_report.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

void add_report_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/reports/annual", Access::user, catalogue_roles,
        "Yearly figures per unit and category (?year=YYYY, ?scope=region for managers).", "",
        [&app](Request& request) {
            int year = query_int(request.query_value("year"), "year", local_date(app.clock.now()).year, 2003, 2100);
            const bool region = request.query_value("scope").value_or("unit") == "region";
            if (region && request.caller.role != "manager") forbidden("Only a manager may see the whole region.");
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                std::vector<db::Unit> units;
                for (const auto& unit : tx.units())
                    if (unit.id == actor.caller.unit_id || (region && unit.region_id == actor.caller.region_id))
                        units.push_back(unit);
                return annual_report(tx, units, year);
            }));
        }});
}

}  // namespace bhm::server
