// /stations: an admin issues a scan station's long-lived token (shown once,
// kept only as its SHA-256) and can revoke it.
#include "server/auth/password.h"
#include "server/routes/route_support.h"
#include "shared/core/identifier.h"

namespace bhm::server {

void add_station_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/stations", Access::user, admin_roles, "Your unit's scan stations.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& s : tx.stations(actor.caller.unit_id)) items->add(station_view(s));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/stations", Access::user, admin_roles,
        "Issue a station token for the scan endpoints; the token is shown only in this answer.", R"({"name":"lager-1"})",
        [&app](Request& request) {
            auto name = required_string(request.json(), "name", 100);
            if (auto refusal = check_identifier("station name", name)) refuse(*refusal);
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const std::string token = random_token(32);
                db::Station station{0, actor.caller.unit_id, name, sha256_hex(token), actor.now, std::nullopt,
                                    actor.caller.actor()};
                station.id = tx.insert_station(station);
                Poco::JSON::Object data;
                data.set("station", name);
                record_event(tx, actor, EventDraft{"station_issued", {}, {}, "", "", json_text(data)});
                auto view = station_view(station);
                view->set("token", token);
                return view;
            }), 201);
        }});

    router.add({"POST", "/api/v1/stations/{id}/revoke", Access::user, admin_roles,
        "Revoke a station token at once.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto station = tx.station(request.id_param());
                if (!station || station->unit_id != actor.caller.unit_id) not_found("Station " + request.params["id"]);
                if (!station->revoked_at) {
                    tx.revoke_station(station->id, actor.now);
                    station->revoked_at = actor.now;
                    Poco::JSON::Object data;
                    data.set("station", station->name);
                    record_event(tx, actor, EventDraft{"station_revoked", {}, {}, "", "", json_text(data)});
                }
                return station_view(*station);
            }));
        }});
}

}  // namespace bhm::server
