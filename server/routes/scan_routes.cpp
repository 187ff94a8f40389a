// POST /scans and /scans/batch: the warehouse stations' door. A station token
// reaches only these; a user with a warehouse role may scan too.
#include "server/http/error_mapping.h"
#include "server/routes/route_support.h"
#include "server/services/scans.h"
#include "shared/scans/scan_mode.h"


namespace bhm::server {
namespace {

// Whoever the role table lets scan in some mode; which mode is checked per scan (shared/scans/scan_mode.h).
std::vector<std::string> scanning_role_names() {
    std::vector<std::string> names;
    for (Role role : scanning_roles()) names.emplace_back(to_string(role));
    return names;
}

const std::vector<std::string> scanning_roles_of_routes = scanning_role_names();

}  // namespace

void add_scan_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/scans", Access::scanning, scanning_roles_of_routes,
        "One scan: parsed, turned into the mode's command, answered ok or with a refusal; a repeated id gets the "
        "same answer and is applied once.",
        R"({"id":"6f1c2b9e-8c1a-4d57-9a55-3b2f0f6a1d10","station":"lager-1","mode":"receive","code":"]d20109506000134352\u001d21SN42","scanned_at":"2026-11-22T10:15:00Z"})",
        [&app](Request& request) {
            auto scan = parse_scan(request.json(), request.caller);
            auto reply = handle_scan(app, request.caller, scan);
            Response response = Response::json(reply.body, reply.status);
            if (reply.status >= 400) response.content_type = "application/problem+json";
            return response;
        }});

    router.add({"POST", "/api/v1/scans/batch", Access::scanning, scanning_roles_of_routes,
        "Up to 100 scans in order (an offline queue catching up); one result per scan, same order.",
        R"({"scans":[{"id":"...","mode":"return","code":"BHM0000001X"}]})",
        [&app](Request& request) {
            // Every scan's shape is checked first, so a malformed batch changes nothing.
            const std::vector<ScanCommand> scans = parse_scan_batch(request.body, request.caller);
            Poco::JSON::Array::Ptr results = new Poco::JSON::Array;
            const auto outcomes = handle_scans(app, request.caller, scans);
            for (std::size_t i = 0; i < scans.size(); ++i) {
                const auto& scan = scans[i];
                ScanReply reply = outcomes[i].reply;
                if (outcomes[i].failure) {   // this scan only: the ones before it stand, the rest go on
                    const auto error = api_error_for(outcomes[i].failure, "scan " + scan.id);
                    reply = ScanReply{error.status, problem_body(error)};
                    reply.body->set("result", error.status == 409 ? "conflict" : error.status >= 500 ? "error" : "refused");
                }
                reply.body->set("id", scan.id);
                reply.body->set("http_status", reply.status);
                if (!reply.body->has("result")) reply.body->set("result", "ok");
                results->add(reply.body);
            }
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("results", results);
            return Response::json(o);
        }});
}

}  // namespace bhm::server
