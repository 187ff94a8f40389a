// /health, /auth/login, /auth/session and /auth/logout: the only open endpoints; and /me, who am I.
#include "server/http/browser_session.h"
#include "server/routes/route_support.h"

namespace bhm::server {
namespace {

struct Credentials {
    std::string username, password;
};

// The body's username and password (the lockout is counted by the Authenticator).
Credentials credentials(const Request& request) {
    auto body = request.json();
    return Credentials{required_string(body, "username", 100), required_string(body, "password", 200)};
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
            auto [username, password] = credentials(request);
            auto login = app.auth.login(username, password, request.peer, app.clock.now());
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
            auto [username, password] = credentials(request);
            auto in = app.auth.start_session(username, password, request.peer, app.clock.now());
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

    router.add({"POST", "/api/v1/auth/logout-everywhere", Access::user, {},
        "End every token and browser session of the calling user at once (a lost phone, a shared password).", "",
        [&app](Request& request) {
            in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto user = tx.user(actor.caller.id);
                if (!user) not_found("User " + std::to_string(actor.caller.id));
                ++user->token_version;   // every token and session made under the old version ends
                tx.update_user(*user);
                record_event(tx, actor, EventDraft{"user_signed_out_everywhere", {}, {}, "", "", "{}"});
                return 0;
            });
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
