// GET /api/v1/openapi.json: an OpenAPI 3.0 document made from the route table
// itself, so every endpoint the server serves is described and none is missing.
#include <Poco/JSON/Parser.h>

#include "server/routes/route_support.h"

namespace bhm::server {
namespace {

Poco::JSON::Object::Ptr operation(const Route& route) {
    Poco::JSON::Object::Ptr op = new Poco::JSON::Object;
    op->set("summary", route.summary);
    std::string who = route.access == Access::open ? "open" : route.access == Access::scanning ? "user or scan station"
                                                                                              : "user";
    std::string roles;
    for (const auto& r : route.roles) roles += (roles.empty() ? "" : ", ") + r;
    op->set("description", "Access: " + who + (roles.empty() ? "" : " with role " + roles) + ".");
    if (route.access != Access::open) {
        Poco::JSON::Array::Ptr security = new Poco::JSON::Array;
        Poco::JSON::Object::Ptr bearer = new Poco::JSON::Object;
        bearer->set("bearer", Poco::JSON::Array::Ptr(new Poco::JSON::Array));
        security->add(bearer);
        op->set("security", security);
    }
    Poco::JSON::Array::Ptr parameters = new Poco::JSON::Array;
    for (std::size_t open = route.pattern.find('{'); open != std::string::npos; open = route.pattern.find('{', open + 1)) {
        Poco::JSON::Object::Ptr p = new Poco::JSON::Object;
        p->set("name", route.pattern.substr(open + 1, route.pattern.find('}', open) - open - 1));
        p->set("in", "path");
        p->set("required", true);
        Poco::JSON::Object::Ptr schema = new Poco::JSON::Object;
        schema->set("type", "integer");
        p->set("schema", schema);
        parameters->add(p);
    }
    if (parameters->size() > 0) op->set("parameters", parameters);
    if (!route.body_example.empty()) {
        Poco::JSON::Object::Ptr media = new Poco::JSON::Object;
        Poco::JSON::Parser parser;
        media->set("example", parser.parse(route.body_example));
        Poco::JSON::Object::Ptr content = new Poco::JSON::Object;
        content->set("application/json", media);
        Poco::JSON::Object::Ptr body = new Poco::JSON::Object;
        body->set("content", content);
        op->set("requestBody", body);
    }
    Poco::JSON::Object::Ptr responses = new Poco::JSON::Object;
    Poco::JSON::Object::Ptr ok = new Poco::JSON::Object;
    ok->set("description", "JSON result");
    responses->set("200", ok);
    Poco::JSON::Object::Ptr problem = new Poco::JSON::Object;
    problem->set("description", "application/problem+json (RFC 9457) with type, title, status, detail, code, rule");
    responses->set("4XX", problem);
    op->set("responses", responses);
    return op;
}

}  // namespace

void add_openapi_route(Router& router) {
    router.add({"GET", "/api/v1/openapi.json", Access::user, {}, "This document.", "",
        [&router](Request&) {
            Poco::JSON::Object::Ptr doc = new Poco::JSON::Object;
            doc->set("openapi", "3.0.3");
            Poco::JSON::Object::Ptr info = new Poco::JSON::Object;
            info->set("title", "BHM Tracker API");
            info->set("version", "1");
            info->set("description", "Treatment aids (behandlingshjelpemidler): devices, cases, loans, inspections, "
                                     "scans. Money in øre, dates ISO-8601, errors as problem+json.");
            doc->set("info", info);
            Poco::JSON::Object::Ptr paths = new Poco::JSON::Object;
            for (const auto& route : router.routes()) {
                Poco::JSON::Object::Ptr item = paths->has(route.pattern) ? paths->getObject(route.pattern)
                                                                         : Poco::JSON::Object::Ptr(new Poco::JSON::Object);
                std::string method = route.method;
                for (auto& ch : method) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
                item->set(method, operation(route));
                paths->set(route.pattern, item);
            }
            doc->set("paths", paths);
            Poco::JSON::Object::Ptr scheme = new Poco::JSON::Object;
            scheme->set("type", "http");
            scheme->set("scheme", "bearer");
            Poco::JSON::Object::Ptr schemes = new Poco::JSON::Object;
            schemes->set("bearer", scheme);
            Poco::JSON::Object::Ptr components = new Poco::JSON::Object;
            components->set("securitySchemes", schemes);
            doc->set("components", components);
            return Response::json(doc);
        }});
}

}  // namespace bhm::server
