// Asks the requester-rights rule (shared/cases/requester.h) while an application is being filled in:
// may this requester role apply for this category, under these conditions? The same rule runs again,
// finally, when POST /cases registers the application.
#include "server/routes/route_support.h"
#include "shared/cases/requester.h"

namespace bhm::server {

void add_requester_rights_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/requester-rights", Access::user, case_roles,
        "May this requester apply for this category? ?role=gp&category=oxygen_concentrator&palliative=false"
        "&nebulizer_criteria_met=false&lymphoedema=none → {allowed} or {allowed:false, code, detail, rule}.", "",
        [&app](Request& request) {
            auto role_text = request.query_value("role");
            auto category = request.query_value("category");
            if (!role_text || !category) bad_request("missing_query", "Give ?role= and ?category=.");
            auto role = parse_requester_role(*role_text);
            if (!role) bad_request("invalid_query", "Unknown requester role '" + *role_text + "'.");
            auto lymphoedema = parse_lymphoedema(request.query_value("lymphoedema").value_or("none"));
            if (!lymphoedema) bad_request("invalid_query", "Lymphoedema must be none, primary or secondary.");
            ApplicationRequest asked{*role, *category, request.query_value("palliative").value_or("") == "true",
                                     request.query_value("nebulizer_criteria_met").value_or("") == "true", *lymphoedema};
            return Response::json(in_read(app, request, [&](db::Transaction&, const Actor&) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("role", to_string(asked.role));
                o->set("category", asked.category);
                auto refusal = check_requester_rights(asked);
                o->set("allowed", !refusal.has_value());
                if (refusal) {
                    o->set("code", refusal->code);
                    o->set("detail", refusal->message);
                    o->set("rule", refusal->rule);
                }
                return o;
            }));
        }});
}

}  // namespace bhm::server
