// /cases: applications with requester rights, decisions with the complaint
// right, journal notes, site documentation, own equipment, delivery.
#include "server/routes/route_support.h"
#include "server/services/cases.h"
#include "server/services/case_warnings.h"
#include "server/services/loans.h"
#include "server/routes/flow_routes.h"
#include "server/views/flow_views.h"

namespace bhm::server {
namespace {

CaseCommand case_command(const Poco::JSON::Object::Ptr& body) {
    CaseCommand c;
    c.patient_id = optional_int(body, "patient_id");
    if (!c.patient_id) {
        auto patient = optional_object(body, "patient");
        if (!patient) bad_request("missing_field", "Give the patient as 'patient_id' or a 'patient' object.");
        c.patient.national_id = required_string(patient, "national_id", 11);
        c.patient.name = optional_string(patient, "name", 200).value_or("");
        c.patient.address = optional_string(patient, "address", 300).value_or("");
        c.patient.municipality = optional_string(patient, "municipality", 100).value_or("");
        c.patient.residence = optional_string(patient, "residence", 16).value_or("home");
    }
    c.category = required_string(body, "category", 64);
    c.inpatient = optional_bool(body, "inpatient", false);
    c.palliative = optional_bool(body, "palliative", false);
    c.nebulizer_criteria_met = optional_bool(body, "nebulizer_criteria_met", false);
    auto lymphoedema = parse_lymphoedema(optional_string(body, "lymphoedema", 16).value_or("none"));
    if (!lymphoedema) bad_request("invalid_field", "Field 'lymphoedema' must be none, primary or secondary.");
    c.lymphoedema = *lymphoedema;
    auto requester = optional_object(body, "requester");
    if (!requester) bad_request("missing_field", "Field 'requester' (role, hpr_number, name) is required.");
    auto role = parse_requester_role(required_string(requester, "role", 64));
    if (!role)
        bad_request("invalid_field", "Field 'requester.role' must be one of specialist_doctor, "
                                     "private_doctor_with_agreement, gp, nursing_home_doctor, physiotherapist, "
                                     "specialist_physiotherapist.");
    c.requester_role = *role;
    c.requester_hpr = required_string(requester, "hpr_number", 16);
    c.requester_name = optional_string(requester, "name", 200).value_or("");
    return c;
}

}  // namespace

// Shared with the exchange route (server/routes/flow_routes.h): one reading of the handover checklist.
DeliveryCommand delivery_command(const Poco::JSON::Object::Ptr& body) {
    DeliveryCommand d;
    d.device_id = required_int(body, "device_id");
    d.handover = required_string(body, "handover", 16);
    d.manual_included = optional_bool(body, "manual_included", false);
    d.training_recorded = optional_bool(body, "training_recorded", false);
    d.trained_who = optional_string(body, "trained", 300).value_or("");
    d.fitted_and_tested = optional_bool(body, "fitted_and_tested", false);
    d.not_fitted_reason = optional_string(body, "not_fitted_reason").value_or("");
    d.delivered_at = optional_timestamp(body, "delivered_at");
    return d;
}

namespace {

db::Case readable_case(db::Transaction& tx, const Actor& actor, db::Id id) {
    auto c = tx.case_by_id(id);
    if (!c || !may_read_unit(tx, actor.caller, c->unit_id)) not_found("Case " + std::to_string(id));
    return *c;
}

// Patient identity (national ID, name, address) goes to the unit's caseworkers, managers and
// admins; the warehouse, technicians and the region's other units see only the municipality.
bool may_see_patient(const Caller& caller, const db::Case& c) {
    if (caller.unit_id != c.unit_id) return false;
    return caller.role == "caseworker" || caller.role == "manager" || caller.role == "admin";
}

Poco::JSON::Object::Ptr full_case(db::Transaction& tx, const db::Case& c, const Caller& caller) {
    auto view = case_view(tx, c);
    if (auto patient = tx.patient(c.patient_id)) {
        if (may_see_patient(caller, c)) {
            view->set("patient", patient_view(*patient));
        } else {
            Poco::JSON::Object::Ptr limited = new Poco::JSON::Object;
            limited->set("id", patient->id);
            limited->set("municipality", patient->municipality);
            limited->set("residence", patient->residence);
            view->set("patient", limited);
        }
    }
    Poco::JSON::Array::Ptr loans = new Poco::JSON::Array;
    for (const auto& loan : tx.loans_of_case(c.id)) loans->add(loan_view(loan));
    view->set("loans", loans);
    add_case_flows(tx, c, view, may_see_patient(caller, c));
    return view;
}

using CaseWork = std::function<db::Case(db::Transaction&, const Actor&, db::Id, const Poco::JSON::Object::Ptr&)>;

void add_case_command(Router& router, App& app, const std::string& path, const std::string& summary,
                      const std::string& example, CaseWork work) {
    router.add({"POST", "/api/v1/cases/{id}/" + path, Access::user, case_roles, summary, example,
        [&app, work](Request& request) {
            auto body = request.json();
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return full_case(tx, work(tx, actor, request.id_param(), body), actor.caller);
            }));
        }});
}

}  // namespace

void add_case_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/cases", Access::user, {}, "Cases of your unit (?status=&limit=&cursor=).", "",
        [&app](Request& request) {
            std::optional<CaseStatus> status;
            if (auto text = request.query_value("status")) {
                status = parse_case_status(*text);
                if (!status) bad_request("invalid_query", "Unknown case status '" + *text + "'.");
            }
            auto page = page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                db::Id last = 0;
                for (const auto& c : tx.cases(actor.caller.unit_id, status, page)) {
                    items->add(case_view(tx, c));
                    last = c.id;
                }
                return paged(items, last, static_cast<std::size_t>(page.limit));
            }));
        }});

    router.add({"POST", "/api/v1/cases", Access::user, case_roles,
        "Register an application; the requester's rights for the category are checked.",
        R"({"patient":{"national_id":"...","name":"...","address":"...","municipality":"Tromsø","residence":"home"},"category":"cpap","inpatient":false,"palliative":false,"requester":{"role":"specialist_doctor","hpr_number":"1234567","name":"Dr. ..."}})",
        [&app](Request& request) {
            auto command = case_command(request.json());
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto c = create_case(tx, actor, command);
                auto view = full_case(tx, c, actor.caller);
                Poco::JSON::Array::Ptr warnings = new Poco::JSON::Array;   // not refusals: the case is created
                for (const auto& w : application_warnings(tx, c)) {
                    Poco::JSON::Object::Ptr item = new Poco::JSON::Object;
                    item->set("code", w.code);
                    item->set("message", w.message);
                    warnings->add(item);
                }
                view->set("warnings", warnings);
                return view;
            }), 201);
        }});

    router.add({"GET", "/api/v1/cases/{id}", Access::user, {},
        "One case with patient, decision, complaint right, journal note, site checks, loans, waiting times.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return full_case(tx, readable_case(tx, actor, request.id_param()), actor.caller);
            }));
        }});

    add_case_command(router, app, "decision", "Approve or reject with grounds; tells the complaint right.",
        R"({"approve":true,"grounds":"...","loan_days":365})",
        [](db::Transaction& tx, const Actor& actor, db::Id id, const Poco::JSON::Object::Ptr& body) {
            DecisionCommand d;
            d.approve = required_bool(body, "approve");
            d.grounds = required_string(body, "grounds");
            if (auto days = optional_int(body, "loan_days")) {
                if (*days < -100000 || *days > 100000) bad_request("invalid_field", "Field 'loan_days' is out of range.");
                d.loan_days = static_cast<int>(*days);
            }
            return decide_case(tx, actor, id, d);
        });

    add_case_command(router, app, "journal-note",
        "The responsible specialist doctor's journal note (rule 7): HPR number and time. Append-only: a later "
        "one is a correction and needs 'correction_reason'; the earlier stays in journal_notes.",
        R"({"hpr_number":"1234567","written_at":"2026-11-22T10:00:00Z","correction_reason":""})",
        [](db::Transaction& tx, const Actor& actor, db::Id id, const Poco::JSON::Object::Ptr& body) {
            JournalNote note{required_string(body, "hpr_number", 16),
                             optional_timestamp(body, "written_at").value_or(actor.now)};
            return record_journal_note(tx, actor, id, note,
                                       optional_string(body, "correction_reason").value_or(""));
        });

    add_case_command(router, app, "site-checks",
        "Documentation that the site's electrical installation is checked (FOR-2013-11-29-1373 § 9), for the "
        "patient's current address (default) and no older than BHM_SITE_CHECK_MAX_YEARS. Append-only: a "
        "correction names the one it corrects ('corrects') with 'correction_reason'.",
        R"({"documented_by":"Elektro AS","checked_on":"2026-11-20","document_ref":"EL-2026-117"})",
        [&app](db::Transaction& tx, const Actor& actor, db::Id id, const Poco::JSON::Object::Ptr& body) {
            SiteCheckCommand command;
            command.check = SiteCheck{required_string(body, "documented_by", 200), required_date(body, "checked_on"),
                                      required_string(body, "document_ref", 200),
                                      optional_string(body, "address", 300).value_or("")};
            command.corrects_id = optional_int(body, "corrects");
            command.correction_reason = optional_string(body, "correction_reason").value_or("");
            record_site_check(tx, actor, id, command, app.site_check_max_years);
            return own_case(tx, actor, id);
        });

    add_case_command(router, app, "own-equipment",
        "Palliative exception: the institution uses its own equipment (outside our stock and costs).",
        R"({"note":"Sykehjemmets egen oksygenkonsentrator"})",
        [](db::Transaction& tx, const Actor& actor, db::Id id, const Poco::JSON::Object::Ptr& body) {
            return record_own_equipment(tx, actor, id, required_free_text(body, "note"));
        });

    router.add({"POST", "/api/v1/cases/{id}/reservation", Access::user, delivery_roles,
        "Pick (reserve) a device for the case; the same as an issue-mode scan.", R"({"device_id":12})",
        [&app](Request& request) {
            auto device_id = required_int(request.json(), "device_id");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, reserve_for_case(tx, actor, request.id_param(), device_id).device);
            }));
        }});

    router.add({"POST", "/api/v1/cases/{id}/deliveries", Access::user, delivery_roles,
        "Deliver the device: refused unless every rule holds (approved, inspected, site check, manual, training, "
        "fitted, journal note).",
        R"({"device_id":12,"handover":"discharge","manual_included":true,"training_recorded":true,"trained":"patient and spouse","fitted_and_tested":true})",
        [&app](Request& request) {
            auto command = delivery_command(request.json());
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto outcome = deliver(tx, actor, request.id_param(), command, app.site_check_max_years);
                auto view = loan_view(outcome.loan);
                view->set("device", device_view(tx, outcome.device));
                view->set("case", case_view(tx, outcome.c));
                return view;
            }), 201);
        }});
}

}  // namespace bhm::server
