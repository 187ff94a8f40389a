// /health, /auth/login and /me: the only open endpoints, and who am I.
#include "server/routes/route_support.h"

namespace bhm::server {

void add_session_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/health", Access::open, {}, "Liveness and store check; no token needed.", "",
        [&app](Request&) {
            app.store.read([](db::Transaction& tx) { tx.setting("schema"); });
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("status", "ok");
            o->set("time", to_iso(app.clock.now()));
            return Response::json(o);
        }});

    router.add({"POST", "/api/v1/auth/login", Access::open, {}, "Log in; returns a bearer token that expires.",
        R"({"username":"warehouse","password":"demo"})",
        [&app](Request& request) {
            auto body = request.json();
            auto username = required_string(body, "username", 100);
            auto password = required_string(body, "password", 200);
            if (app.auth.locked_out(username.substr(0, 100), app.clock.now()))
                fail(429, "too_many_attempts", "Too many wrong passwords for this user; wait 15 minutes and try again.");
            auto login = app.auth.login(username, password, app.clock.now());
            if (!login) fail(401, "login_failed", "Wrong username or password.");
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("token", login->token);
            o->set("token_type", "Bearer");
            o->set("expires_at", to_iso(login->expires_at));
            o->set("role", login->caller.role);
            o->set("unit_id", login->caller.unit_id);
            return Response::json(o);
        }});

    router.add({"GET", "/api/v1/me", Access::user, {}, "The logged-in user, role, unit and region.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("username", actor.caller.name);
                o->set("role", actor.caller.role);
                o->set("unit_id", actor.caller.unit_id);
                o->set("region_id", actor.caller.region_id);
                if (auto unit = tx.unit(actor.caller.unit_id)) {
                    o->set("unit_code", unit->code);
                    o->set("unit_name", unit->name);
                }
                return o;
            }));
        }});
}

}  // namespace bhm::server
