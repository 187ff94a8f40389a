// /instruments: the unit's register of test instruments for IEC 62353 inspections (identity,
// calibration date, calibration interval). An inspection names one of them.
#include "server/routes/route_support.h"
#include "server/services/instruments.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

// `in_calibration` is the inspection's own check (shared/inspection/test_instrument.h) for a test made today.
Poco::JSON::Object::Ptr instrument_view(const db::TestInstrumentRecord& r, Date today) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("id", r.id);
    o->set("identity", r.identity);
    o->set("calibrated_on", to_iso(r.calibrated_on));
    o->set("calibration_interval_months", r.calibration_interval_months);
    const TestInstrument domain{r.identity, r.calibrated_on, r.calibration_interval_months};
    o->set("calibration_expires_on", to_iso(calibration_expires_on(domain)));
    o->set("in_calibration", !check_inspection_instrument(domain, r.identity, today).has_value());
    o->set("registered_at", to_iso(r.registered_at));
    o->set("registered_by", r.registered_by);
    return o;
}

std::optional<int> interval_of(const Poco::JSON::Object::Ptr& body) {
    auto months = optional_int(body, "calibration_interval_months");
    if (!months) return std::nullopt;
    if (*months < -100000 || *months > 100000)
        bad_request("invalid_field", "Field 'calibration_interval_months' is out of range.");
    return static_cast<int>(*months);
}

}  // namespace

void add_instrument_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/instruments", Access::user, {},
        "The unit's register of test instruments, with when each calibration runs out.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                for (const auto& r : tx.test_instruments(actor.caller.unit_id)) items->add(instrument_view(r, local_date(actor.now)));
                return items;
            }));
        }});

    router.add({"POST", "/api/v1/instruments", Access::user, technician_roles,
        "Register a test instrument: identity as on its label, last calibration, interval (default 12 months).",
        R"({"identity":"Fluke ESA615 #4471","calibrated_on":"2026-03-01","calibration_interval_months":12})",
        [&app](Request& request) {
            auto body = request.json();
            InstrumentCommand command{required_string(body, "identity", 200), required_date(body, "calibrated_on"),
                                      interval_of(body)};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return instrument_view(register_instrument(tx, actor, command), local_date(actor.now));
            }), 201);
        }});

    router.add({"POST", "/api/v1/instruments/{id}/calibrations", Access::user, technician_roles,
        "Record a new calibration of a registered instrument (and its interval, if it changed).",
        R"({"calibrated_on":"2026-11-20"})",
        [&app](Request& request) {
            auto body = request.json();
            const Date calibrated_on = required_date(body, "calibrated_on");
            const auto interval = interval_of(body);
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return instrument_view(record_calibration(tx, actor, request.id_param(), calibrated_on, interval),
                                   local_date(actor.now));
            }));
        }});
}

}  // namespace bhm::server
