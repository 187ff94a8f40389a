// GET /cases/{id}/history: the case's audit trail (decisions, journal notes and their corrections,
// site checks, deliveries), so an entry that was corrected is still seen where it was made.
#include "server/routes/route_support.h"

namespace bhm::server {

void add_case_history_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/cases/{id}/history", Access::user, {},
        "The case's audit trail: who, when, what, before and after; corrections appear beside what they correct.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto c = tx.case_by_id(request.id_param());
                if (!c || !may_read_unit(tx, actor.caller, c->unit_id))
                    not_found("Case " + std::to_string(request.id_param()));
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& e : tx.case_events(c->id)) items->add(event_view(e));
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("case_id", c->id);
                o->set("number", c->number);
                o->set("events", items);
                return o;
            }));
        }});
}

}  // namespace bhm::server
