// GET /reports/annual/charts: the figures behind the annual report's two charts for the caller's unit or
// region, counted by server/services/annual_charts.h for the unit that held each loan and case at the time.
#include "server/routes/route_support.h"
#include "server/services/annual_charts.h"
#include "shared/core/norway_time.h"

namespace bhm::server {

void add_report_chart_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/reports/annual/charts", Access::user, catalogue_roles,
        "Per month of ?year=: loans delivered and returned; and the distribution of days from application to "
        "delivery for cases delivered that year (?scope=region for managers).", "",
        [&app](Request& request) {
            int year = query_int(request.query_value("year"), "year", local_date(app.clock.now()).year, 2003, 2100);
            const bool region = request.query_value("scope").value_or("unit") == "region";
            if (region && request.caller.role != "manager") forbidden("Only a manager may see the whole region.");
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                std::vector<db::Unit> units;
                for (const auto& unit : tx.units())
                    if (unit.id == actor.caller.unit_id || (region && unit.region_id == actor.caller.region_id))
                        units.push_back(unit);
                return annual_charts(tx, units, year);
            }));
        }});
}

}  // namespace bhm::server
