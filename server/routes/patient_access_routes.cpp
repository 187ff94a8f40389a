// /patient-access-log: the unit's log of who saw a patient's national ID or address, when, for which case
// and by which route (server/services/patient_access.h writes it). For managers and admins (Normen).
#include "server/routes/route_support.h"

namespace bhm::server {
namespace {

const std::vector<std::string> access_log_roles{"manager", "admin"};   // shared/people/patient_access.h

Poco::JSON::Object::Ptr access_view(db::Transaction& tx, const db::PatientAccess& a) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", a.id);
    o->set("at", to_iso(a.at));
    o->set("actor", a.actor);
    o->set("role", a.role);
    o->set("patient_id", a.patient_id);
    o->set("case_id", a.case_id ? Poco::Dynamic::Var(*a.case_id) : Poco::Dynamic::Var());
    o->set("case_number", Poco::Dynamic::Var());
    if (a.case_id)
        if (auto c = tx.case_by_id(*a.case_id)) o->set("case_number", c->number);
    o->set("route", a.route);
    o->set("fields", a.fields);
    return o;
}

}  // namespace

void add_patient_access_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/patient-access-log", Access::user, access_log_roles,
        "Who saw a patient's national ID or address in your unit: when, which case, by which route "
        "(?limit=&cursor=, oldest first).", "",
        [&app](Request& request) {
            auto page = page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                db::Id last = 0;
                for (const auto& a : tx.patient_access_log(actor.caller.unit_id, page)) {
                    items->add(access_view(tx, a));
                    last = a.id;
                }
                return paged(items, last, static_cast<std::size_t>(page.limit));
            }));
        }});
}

}  // namespace bhm::server
