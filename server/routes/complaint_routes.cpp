// /cases/{id}/complaints and /complaints/{id}/...: a complaint's way from receipt to Statsforvalteren's outcome
// (pasient- og brukerrettighetsloven § 7-2). Each answer shows the complaint with its steps and the case's decisions.
#include "server/routes/flow_routes.h"
#include "server/services/complaints.h"
#include "server/views/flow_views.h"

namespace bhm::server {
namespace {

Poco::JSON::Object::Ptr answer(db::Transaction& tx, const Actor& actor, const db::Complaint& complaint) {
    auto view = complaint_view(tx, complaint);
    auto c = own_case(tx, actor, complaint.case_id);
    view->set("case_status", to_string(c.status));
    Poco::JSON::Array::Ptr decisions = new Poco::JSON::Array;
    for (const auto& d : tx.decisions(c.id)) decisions->add(decision_view(d));
    view->set("decisions", decisions);
    return view;
}

std::optional<int> loan_days_of(const Poco::JSON::Object::Ptr& body) {
    auto days = optional_int(body, "loan_days");
    if (!days) return std::nullopt;
    if (*days < -100000 || *days > 100000) bad_request("invalid_field", "Field 'loan_days' is out of range.");
    return static_cast<int>(*days);
}

}  // namespace

void add_complaint_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/cases/{id}/complaints", Access::user, case_roles,
        "A complaint about the current decision came in; recorded with whether it met the four-week deadline (§ 7-2).",
        R"({"received_on":"2026-11-28","summary":"The patient asks for a quieter concentrator."})",
        [&app](Request& request) {
            auto body = request.json();
            ComplaintCommand command{required_date(body, "received_on"), required_free_text(body, "summary")};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return answer(tx, actor, receive_complaint(tx, actor, request.id_param(), command));
            }), 201);
        }});

    router.add({"GET", "/api/v1/complaints/{id}", Access::user, case_roles, "One complaint with its steps.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return answer(tx, actor, own_complaint(tx, actor, request.id_param()));
            }));
        }});

    router.add({"POST", "/api/v1/complaints/{id}/reassessment", Access::user, case_roles,
        "The unit's reassessment: reverse the decision (a new decision entry) or keep it (then forward it).",
        R"({"reverse":true,"grounds":"New information from the specialist.","loan_days":365})",
        [&app](Request& request) {
            auto body = request.json();
            ReassessmentCommand command{required_bool(body, "reverse"), required_free_text(body, "grounds"),
                                        loan_days_of(body)};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return answer(tx, actor, reassess_complaint(tx, actor, request.id_param(), command));
            }));
        }});

    router.add({"POST", "/api/v1/complaints/{id}/forwarding", Access::user, case_roles,
        "The complaint was sent on to Statsforvalteren (the unit kept its decision).",
        R"({"forwarded_on":"2026-12-01"})",
        [&app](Request& request) {
            auto forwarded_on = required_date(request.json(), "forwarded_on");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return answer(tx, actor, forward_complaint(tx, actor, request.id_param(), forwarded_on));
            }));
        }});

    router.add({"POST", "/api/v1/complaints/{id}/outcome", Access::user, case_roles,
        "Statsforvalteren's outcome: upheld, reversed (a new decision entry) or sent_back (the unit assesses again).",
        R"({"outcome":"reversed","decided_on":"2027-01-10","grounds":"The criteria are met.","loan_days":365})",
        [&app](Request& request) {
            auto body = request.json();
            OutcomeCommand command;
            auto outcome = parse_complaint_outcome(required_string(body, "outcome", 16));
            if (!outcome) bad_request("invalid_field", "Field 'outcome' must be upheld, reversed or sent_back.");
            command.outcome = *outcome;
            command.decided_on = required_date(body, "decided_on");
            command.grounds = required_free_text(body, "grounds");
            command.loan_days = loan_days_of(body);
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return answer(tx, actor, record_complaint_outcome(tx, actor, request.id_param(), command));
            }));
        }});
}

}  // namespace bhm::server
