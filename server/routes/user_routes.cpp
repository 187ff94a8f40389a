// /users: an admin manages the logins of their own unit: create with a role, change the
// role or password, deactivate. Password hashes never leave the server.
#include "server/auth/password.h"
#include "server/routes/route_support.h"

#include <algorithm>

namespace bhm::server {
namespace {

const std::vector<std::string> roles{"warehouse", "technician", "caseworker", "manager", "admin"};

std::string checked_role(const std::string& role) {
    if (std::find(roles.begin(), roles.end(), role) == roles.end())
        bad_request("invalid_field", "Field 'role' must be warehouse, technician, caseworker, manager or admin.");
    return role;
}

std::string checked_password(const std::string& password) {
    if (password.size() < 10) bad_request("weak_password", "A password needs at least 10 characters.");
    return password;
}

Poco::JSON::Object::Ptr user_view(const db::User& u) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", u.id);
    o->set("username", u.username);
    o->set("role", u.role);
    o->set("unit_id", u.unit_id);
    o->set("active", u.active);
    return o;
}

db::User own_user(db::Transaction& tx, const Actor& actor, db::Id id) {
    auto user = tx.user(id);
    if (!user || user->unit_id != actor.caller.unit_id) not_found("User " + std::to_string(id));
    return *user;
}

}  // namespace

void add_user_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/users", Access::user, admin_roles, "Your unit's users and their roles.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& u : tx.users(actor.caller.unit_id)) items->add(user_view(u));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/users", Access::user, admin_roles, "Create a login in your unit.",
        R"({"username":"kari","role":"warehouse","password":"at least 10 characters"})",
        [&app](Request& request) {
            auto body = request.json();
            db::User user;
            user.username = required_string(body, "username", 64);
            for (char c : user.username)
                if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-' && c != '_')
                    bad_request("invalid_field", "Field 'username' may hold letters, digits, '.', '-' and '_'.");
            user.role = checked_role(required_string(body, "role", 16));
            const auto hash = hash_password(checked_password(required_string(body, "password", 200)));
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                if (tx.user_by_name(user.username)) fail(409, "duplicate", "That username is taken.");
                user.unit_id = actor.caller.unit_id;
                user.password_hash = hash;
                user.id = tx.insert_user(user);
                Poco::JSON::Object data;
                data.set("user_id", user.id);
                data.set("role", user.role);
                record_event(tx, actor, EventDraft{"user_created", {}, {}, "", "", json_text(data)});
                return user_view(user);
            }), 201);
        }});

    router.add({"PATCH", "/api/v1/users/{id}", Access::user, admin_roles,
        "Change a user's role or password, or (de)activate the login.",
        R"({"role":"technician","password":"...","active":false})",
        [&app](Request& request) {
            auto body = request.json();
            auto role = optional_string(body, "role", 16);
            auto password = optional_string(body, "password", 200);
            std::optional<bool> active;
            if (body->has("active")) active = required_bool(body, "active");
            if (role) checked_role(*role);
            const std::string hash = password ? hash_password(checked_password(*password)) : "";
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto user = own_user(tx, actor, request.id_param());
                if (user.id == actor.caller.id && ((active && !*active) || (role && *role != "admin")))
                    fail(409, "own_admin_login", "You cannot deactivate or demote your own admin login.");
                if (role) user.role = *role;
                if (password) user.password_hash = hash;
                // A new password or a deactivation ends every token and session the user holds.
                if (password || (active && !*active)) ++user.token_version;
                if (active) user.active = *active;
                tx.update_user(user);
                Poco::JSON::Object data;
                data.set("user_id", user.id);
                data.set("role", user.role);
                data.set("active", user.active);
                data.set("password_changed", password.has_value());
                record_event(tx, actor, EventDraft{"user_changed", {}, {}, "", "", json_text(data)});
                return user_view(user);
            }));
        }});
}

}  // namespace bhm::server
