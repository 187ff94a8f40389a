// /patients/{id}/death, /devices/{id}/write-off, /devices/{id}/home-visits and /pickups: the end of a device's
// use other than a return, and visits at the home that leave the device where it is.
#include "server/routes/flow_routes.h"
#include "server/services/end_of_use.h"
#include "server/views/flow_views.h"

namespace bhm::server {

void add_end_of_use_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/patients/{id}/death", Access::user, case_roles,
        "The patient died: their open loans end and each device gets a pick-up task.",
        R"({"died_on":"2026-11-30","note":"Informed by home care."})",
        [&app](Request& request) {
            auto body = request.json();
            DeathCommand command{required_date(body, "died_on"), optional_free_text(body, "note").value_or("")};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto outcome = record_death(tx, actor, request.id_param(), command);
                Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
                view->set("patient_id", outcome.death.patient_id);
                view->set("died_on", to_iso(outcome.death.died_on));
                Poco::JSON::Array::Ptr pickups = new Poco::JSON::Array;
                for (const auto& task : outcome.pickups) pickups->add(pickup_view(tx, task));
                view->set("pickup_tasks", pickups);
                return view;
            }), 201);
        }});

    router.add({"POST", "/api/v1/devices/{id}/write-off", Access::user, catalogue_roles,
        "Write a device off for good, with the reason; on loan, its loan ends as written off.",
        R"({"reason":"Broken beyond repair after a fall."})",
        [&app](Request& request) {
            auto reason = required_free_text(request.json(), "reason");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto outcome = write_off_device(tx, actor, request.id_param(), reason);
                auto view = write_off_view(outcome.write_off);
                view->set("device", device_view(tx, outcome.device));
                return view;
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/home-visits", Access::user, technician_roles,
        "A technician's service visit at the patient's home; the device stays on loan. (An inspection at the home "
        "is POST /devices/{id}/inspections, which also leaves a device on loan where it is.)",
        R"({"work":"Replaced the inlet filter; alarm tested.","parts":"filter"})",
        [&app](Request& request) {
            auto body = request.json();
            HomeVisitCommand command{required_free_text(body, "work"), optional_free_text(body, "parts").value_or("")};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto event_id = record_home_visit(tx, actor, request.id_param(), command);
                Poco::JSON::Object::Ptr view = new Poco::JSON::Object;
                view->set("event_id", event_id);
                view->set("device", device_view(tx, own_device(tx, actor, request.id_param())));
                return view;
            }), 201);
        }});

    router.add({"GET", "/api/v1/pickups", Access::user, {},
        "Devices to fetch from patients' homes (after a death, or a return started at review).", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& task : open_pickups(tx, actor)) items->add(pickup_view(tx, task));
                return items;
            }));
        }});
}

}  // namespace bhm::server
