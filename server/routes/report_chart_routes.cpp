// The figures behind the annual report's two charts: loans started and ended in each month of the
// year, and how many days applications waited for their delivery, in buckets. Counted the way
// /reports/annual counts (Norwegian dates, own equipment never counted, waiting_times from shared/).
#include "server/routes/route_support.h"
#include "shared/cases/case_flow.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

struct Bucket { int from, to; };   // days, inclusive; to < 0: and more
const std::vector<Bucket> buckets{{0, 7}, {8, 14}, {15, 30}, {31, 60}, {61, 90}, {91, -1}};

}  // namespace

void add_report_chart_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/reports/annual/charts", Access::user, catalogue_roles,
        "Per month of ?year=: loans delivered and returned; and the distribution of days from application to "
        "delivery for cases delivered that year (?scope=region for managers).", "",
        [&app](Request& request) {
            int year = query_int(request.query_value("year"), "year", local_date(app.clock.now()).year, 2003, 2100);
            const bool region = request.query_value("scope").value_or("unit") == "region";
            if (region && request.caller.role != "manager") forbidden("Only a manager may see the whole region.");
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const Timestamp from = local_start_of(Date{year, 1, 1});
                const Timestamp to{local_start_of(Date{year + 1, 1, 1}).unix_seconds - 1};
                std::vector<int> delivered(12, 0), returned(12, 0), waited(buckets.size(), 0);
                for (const auto& unit : tx.units()) {
                    if (!(unit.id == actor.caller.unit_id || (region && unit.region_id == actor.caller.region_id))) continue;
                    std::map<db::Id, bool> own_equipment;
                    db::Page page{500, 0};
                    for (;;) {
                        auto cases = tx.cases(unit.id, std::nullopt, page);
                        for (const auto& c : cases) {
                            own_equipment[c.id] = c.own_equipment;
                            if (c.own_equipment || !c.delivered_at || *c.delivered_at < from || *c.delivered_at > to) continue;
                            auto waits = waiting_times(local_date(c.applied_at),
                                c.decided_at ? std::optional(local_date(*c.decided_at)) : std::nullopt,
                                std::optional(local_date(*c.delivered_at)));
                            if (!waits.application_to_delivery_days) continue;
                            const int days = *waits.application_to_delivery_days;
                            for (std::size_t b = 0; b < buckets.size(); ++b)
                                if (days >= buckets[b].from && (buckets[b].to < 0 || days <= buckets[b].to)) { ++waited[b]; break; }
                        }
                        if (cases.size() < static_cast<std::size_t>(page.limit)) break;
                        page.after_id = cases.back().id;
                    }
                    for (const auto& loan : tx.loans_between(unit.id, from, to)) {
                        if (own_equipment[loan.case_id]) continue;
                        if (loan.delivered_at >= from && loan.delivered_at <= to) ++delivered[local_date(loan.delivered_at).month - 1];
                        if (loan.returned_at && *loan.returned_at >= from && *loan.returned_at <= to)
                            ++returned[local_date(*loan.returned_at).month - 1];
                    }
                }
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("year", year);
                Poco::JSON::Array::Ptr months = new Poco::JSON::Array;
                for (int m = 0; m < 12; ++m) {
                    Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
                    row->set("month", m + 1);
                    row->set("delivered", delivered[m]);
                    row->set("returned", returned[m]);
                    months->add(row);
                }
                o->set("months", months);
                Poco::JSON::Array::Ptr waiting = new Poco::JSON::Array;
                for (std::size_t b = 0; b < buckets.size(); ++b) {
                    Poco::JSON::Object::Ptr row = new Poco::JSON::Object;
                    row->set("from_days", buckets[b].from);
                    row->set("to_days", buckets[b].to < 0 ? Poco::Dynamic::Var() : Poco::Dynamic::Var(buckets[b].to));
                    row->set("cases", waited[b]);
                    waiting->add(row);
                }
                o->set("waiting_to_delivery", waiting);
                return o;
            }));
        }});
}

}  // namespace bhm::server
