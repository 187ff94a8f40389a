// The IEC 62353 limits a device's inspection form shows beside each field, and a live verdict on the
// values typed so far: both asked of shared/inspection (evaluate_inspection), so the page never holds
// a limit or a comparison of its own. Nothing is saved; POST /devices/{id}/inspections stays final.
#include "server/routes/route_support.h"
#include "shared/inspection/iec62353.h"

namespace bhm::server {
namespace {

struct DeviceClass {
    ProtectionClass protection;
    AppliedPartType applied_part;
};

DeviceClass device_class(db::Transaction& tx, const db::Device& device) {
    auto model = model_of(tx, device);
    auto protection = parse_protection_class(model.protection_class);
    auto applied_part = parse_applied_part_type(model.applied_part);
    if (!protection || !applied_part)
        fail(422, "model_class_unknown", "The model's protection class or applied-part type is not recorded.");
    return {*protection, *applied_part};
}

LeakageMethod method_of(const std::optional<std::string>& text) {
    auto method = parse_leakage_method(text.value_or("direct"));
    if (!method) bad_request("invalid_field", "The method must be direct, differential or alternative.");
    return *method;
}

// Every limit that applies to this class, applied part, method and cord: the checks evaluate_inspection
// makes when each applicable reading is zero.
Poco::JSON::Array::Ptr limits_view(const DeviceClass& dc, LeakageMethod method, bool detachable_cord) {
    InspectionMeasurements probe;
    probe.visual_ok = probe.functional_ok = true;
    probe.method = method;
    probe.detachable_cord = detachable_cord;
    if (dc.protection == ProtectionClass::class_i) {
        probe.protective_earth_ohm = 0;
        if (detachable_cord) probe.pe_device_ohm = probe.pe_cord_ohm = 0;
    }
    probe.equipment_leakage_ua = 0;
    probe.applied_part_leakage_ua = 0;
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& check : evaluate_inspection(probe, dc.protection, dc.applied_part).checks) {
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("measurement", check.measurement);
        o->set("limit", check.limit);
        o->set("unit", check.unit);
        items->add(o);
    }
    return items;
}

InspectionMeasurements typed_measurements(const Poco::JSON::Object::Ptr& body) {
    InspectionMeasurements m;
    m.visual_ok = optional_bool(body, "visual_ok", false);
    m.functional_ok = optional_bool(body, "functional_ok", false);
    m.method = method_of(optional_string(body, "method", 16));
    m.detachable_cord = optional_bool(body, "detachable_cord", false);
    m.protective_earth_ohm = optional_number(body, "protective_earth_ohm");
    m.pe_device_ohm = optional_number(body, "pe_device_ohm");
    m.pe_cord_ohm = optional_number(body, "pe_cord_ohm");
    m.insulation_mohm = optional_number(body, "insulation_mohm");
    m.insulation_min_mohm = optional_number(body, "insulation_min_mohm");
    m.equipment_leakage_ua = optional_number(body, "equipment_leakage_ua");
    m.applied_part_leakage_ua = optional_number(body, "applied_part_leakage_ua");
    return m;
}

Poco::JSON::Object::Ptr class_view(const DeviceClass& dc) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("protection_class", to_string(dc.protection));
    o->set("applied_part", to_string(dc.applied_part));
    o->set("standard", "IEC 62353:2014");
    return o;
}

}  // namespace

void add_inspection_limit_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/devices/{id}/inspection-limits", Access::user, technician_roles,
        "The IEC 62353 pass limits for the device's protection class and applied part "
        "(?method=direct|differential|alternative&detachable_cord=true|false).", "",
        [&app](Request& request) {
            const auto method = method_of(request.query_value("method"));
            const bool detachable = request.query_value("detachable_cord").value_or("false") == "true";
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const auto dc = device_class(tx, own_device(tx, actor, request.id_param()));
                auto o = class_view(dc);
                o->set("method", to_string(method));
                o->set("detachable_cord", detachable);
                o->set("limits", limits_view(dc, method, detachable));
                return o;
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/inspections/preview", Access::user, technician_roles,
        "The verdict the server would give these readings (checks against each limit, failures with their "
        "rule), without saving anything; readings may be incomplete.",
        R"({"visual_ok":true,"functional_ok":true,"method":"direct","protective_earth_ohm":0.1,"equipment_leakage_ua":620})",
        [&app](Request& request) {
            const auto m = typed_measurements(request.json());
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const auto dc = device_class(tx, own_device(tx, actor, request.id_param()));
                const auto verdict = evaluate_inspection(m, dc.protection, dc.applied_part);
                auto o = class_view(dc);
                o->set("passed", verdict.passed);
                Poco::JSON::Array::Ptr checks = new Poco::JSON::Array;
                for (const auto& check : verdict.checks) {
                    Poco::JSON::Object::Ptr c = new Poco::JSON::Object;
                    c->set("measurement", check.measurement);
                    c->set("value", check.value);
                    c->set("limit", check.limit);
                    c->set("unit", check.unit);
                    c->set("passed", check.passed);
                    checks->add(c);
                }
                o->set("checks", checks);
                Poco::JSON::Array::Ptr failures = new Poco::JSON::Array;
                for (const auto& refusal : verdict.failures) {
                    Poco::JSON::Object::Ptr f = new Poco::JSON::Object;
                    f->set("code", refusal.code);
                    f->set("detail", refusal.message);
                    f->set("rule", refusal.rule);
                    failures->add(f);
                }
                o->set("failures", failures);
                o->set("limits", limits_view(dc, m.method, m.detachable_cord));
                return o;
            }));
        }});
}

}  // namespace bhm::server
