// /health, /auth/login, /auth/session and /auth/logout: the only open endpoints; and /me, who am I.
#include "server/http/browser_session.h"
#include "server/routes/route_support.h"

namespace bhm::server {
namespace {

struct Credentials {
    std::string username, password;
};

// The body's username and password; 429 while that username is locked out.
Credentials credentials(App& app, const Request& request) {
    auto body = request.json();
    Credentials c{required_string(body, "username", 100), required_string(body, "password", 200)};
    if (app.auth.locked_out(c.username.substr(0, 100), app.clock.now()))
        fail(429, "too_many_attempts", "Too many wrong passwords for this user; wait 15 minutes and try again.");
    return c;
}

}  // namespace

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
            auto [username, password] = credentials(app, request);
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

    router.add({"POST", "/api/v1/auth/session", Access::open, {},
        "Sign a browser in: sets the HttpOnly session cookie and returns the CSRF token its writes must send "
        "as X-CSRF-Token.",
        R"({"username":"warehouse","password":"demo"})",
        [&app](Request& request) {
            auto [username, password] = credentials(app, request);
            auto in = app.auth.start_session(username, password, app.clock.now());
            if (!in) fail(401, "login_failed", "Wrong username or password.");
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("username", in->caller.name);
            o->set("role", in->caller.role);
            o->set("unit_id", in->caller.unit_id);
            o->set("expires_at", to_iso(in->expires_at));
            o->set("csrf_token", in->csrf_token);
            Response r = Response::json(o);
            r.headers["Set-Cookie"] = set_session_cookie(in->cookie_token,
                                                         in->expires_at.unix_seconds - app.clock.now().unix_seconds,
                                                         app.secure_cookies);
            return r;
        }});

    router.add({"POST", "/api/v1/auth/logout", Access::open, {},
        "End the browser's session on the server and clear its cookie (no error when there is none).", "",
        [&app](Request& request) {
            app.auth.end_session(session_cookie(request), app.clock.now());
            Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
            o->set("signed_out", true);
            Response r = Response::json(o);
            r.headers["Set-Cookie"] = clear_session_cookie(app.secure_cookies);
            return r;
        }});

    router.add({"GET", "/api/v1/me", Access::user, {}, "The logged-in user, role, unit and region.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("username", actor.caller.name);
                o->set("role", actor.caller.role);
                o->set("unit_id", actor.caller.unit_id);
                o->set("region_id", actor.caller.region_id);
                if (!actor.caller.csrf_token.empty()) o->set("csrf_token", actor.caller.csrf_token);
                if (auto unit = tx.unit(actor.caller.unit_id)) {
                    o->set("unit_code", unit->code);
                    o->set("unit_name", unit->name);
                }
                return o;
            }));
        }});
}

}  // namespace bhm::server
