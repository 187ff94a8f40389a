// /recalls: field safety notices. A manager registers one; everyone in the unit lists them with progress and
// reads the affected list (JSON grouped by where each device is, or CSV to contact the homes); the warehouse
// and technicians record the action per device or lot. The patient's address in the affected list is for
// the roles that may see it (shared/people/patient_access.h), and each such read is in the access log.
#include <Poco/JSON/Array.h>

#include "server/routes/route_support.h"
#include "server/services/patient_access.h"
#include "server/services/recalls.h"
#include "server/views/recall_views.h"
#include "shared/barcode/gs1_check_digit.h"
#include "shared/people/patient_access.h"

namespace bhm::server {
namespace {

constexpr std::size_t max_item_length = 100;

std::vector<std::string> string_list(const Poco::JSON::Object::Ptr& body, const std::string& field) {
    std::vector<std::string> items;
    if (!body->has(field) || body->isNull(field)) return items;
    auto array = body->getArray(field);
    if (!array) bad_request("invalid_field", "Field '" + field + "' must be an array of strings.");
    for (std::size_t i = 0; i < array->size(); ++i) {
        const auto& item = array->get(i);
        if (!item.isString()) bad_request("invalid_field", "Field '" + field + "' must be an array of strings.");
        auto text = item.convert<std::string>();
        if (text.find_first_not_of(" \t") == std::string::npos)
            bad_request("invalid_field", "An entry of '" + field + "' is empty.");
        if (text.size() > max_item_length)
            bad_request("invalid_field", "An entry of '" + field + "' is longer than " +
                                             std::to_string(max_item_length) + " characters.");
        items.push_back(text);
    }
    return items;
}

NoticeDraft notice_draft(const Poco::JSON::Object::Ptr& body) {
    NoticeDraft d;
    d.reference = required_string(body, "reference", 100);
    d.issued_on = required_date(body, "issued_on");
    auto action = parse_recall_action(required_string(body, "action", 32));
    if (!action) bad_request("invalid_field", "Field 'action' must be inspect, modify, replace, stop_using or return.");
    d.action = *action;
    d.user_text = required_free_text(body, "user_text", 4000);
    d.coverage.gtin = required_string(body, "gtin", 14);
    if (d.coverage.gtin.size() != 14 || !barcode::gtin_check_digit_ok(d.coverage.gtin))
        bad_request("invalid_field", "Field 'gtin' must be a GTIN-14 (the UDI-DI) with a valid check digit.");
    auto kind = parse_coverage_kind(required_string(body, "coverage", 32));
    if (!kind)
        bad_request("invalid_field", "Field 'coverage' must be all_serials, serial_range, serial_list or lot_list.");
    d.coverage.kind = *kind;
    if (*kind == CoverageKind::serial_range) {
        d.coverage.serial_from = required_string(body, "serial_from", max_item_length);
        d.coverage.serial_to = required_string(body, "serial_to", max_item_length);
    }
    if (*kind == CoverageKind::serial_list) d.coverage.serials = string_list(body, "serials");
    if (*kind == CoverageKind::lot_list) d.coverage.lots = string_list(body, "lots");
    return d;
}

Poco::JSON::Object::Ptr full_notice(db::RecallRecords& records, const db::RecallNotice& notice) {
    auto view = notice_view(notice, records.recall_progress(notice.id));
    view->set("lots", lots_view(records.recall_lots(notice.id)));
    return view;
}

bool wants_csv(const Request& request) {
    if (auto format = request.query_value("format")) {
        if (*format == "csv") return true;
        if (*format == "json") return false;
        bad_request("invalid_query", "Query 'format' must be json or csv.");
    }
    auto accept = request.header("accept");
    return accept && accept->find("text/csv") != std::string::npos;
}

// The affected list, with addresses only for a caller who may see them; each shown address is logged.
Response affected(App& app, Request& request) {
    const bool csv = wants_csv(request);
    const bool with_addresses = may_see_patient_identity(request.caller.role, true);
    const std::string route = request.method + " " + request.path;
    Response response;
    auto work = [&](db::Transaction& tx, const Actor& actor) -> Poco::Dynamic::Var {
        auto notice = own_notice(tx, actor, request.id_param());
        auto devices = tx.recall_affected_devices(notice.id);
        if (with_addresses)
            for (const auto& a : devices)
                if (a.loan_id && a.patient_id) log_patient_access(tx, actor, *a.patient_id, a.loan_case_id, route, "address");
        auto lots = tx.recall_affected_lots(notice.id);
        auto issues = tx.recall_lot_issues(notice.id);
        if (with_addresses)
            for (const auto& i : issues) log_patient_access(tx, actor, i.patient_id, i.case_id, route, "address");
        if (csv) {
            response.body = affected_csv(notice, devices, lots, issues, with_addresses);
            return Poco::Dynamic::Var();
        }
        Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
        o->set("notice", notice_view(notice, tx.recall_progress(notice.id)));
        o->set("devices", affected_view(devices, with_addresses));
        o->set("lots", affected_lots_view(lots, issues, with_addresses));
        o->set("addresses_shown", with_addresses);
        return o;
    };
    auto result = with_addresses ? in_write(app, request, work) : in_read(app, request, work);
    if (!csv) return Response::json(result);
    response.content_type = "text/csv; charset=utf-8";
    response.headers["Content-Disposition"] = "attachment; filename=\"recall-" + request.params["id"] + "-affected.csv\"";
    return response;
}

}  // namespace

void add_recall_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/recalls", Access::user, {},
        "Field safety notices of your unit with their progress (done n of m) (?limit=&cursor=).", "",
        [&app](Request& request) {
            auto page = page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                db::Id last = 0;
                for (const auto& n : tx.recall_notices(actor.caller.unit_id, page)) {
                    items->add(notice_view(n, tx.recall_progress(n.id)));
                    last = n.id;
                }
                return paged(items, last, static_cast<std::size_t>(page.limit));
            }));
        }});

    router.add({"POST", "/api/v1/recalls", Access::user, catalogue_roles,
        "Register a manufacturer's field safety notice; every covered device and consumable stock lot of your unit is "
        "held at once (lots marked recalled).",
        R"({"reference":"FSN-2026-014","issued_on":"2026-11-20","action":"inspect","user_text":"...","gtin":"09506000134352","coverage":"serial_range","serial_from":"SN1000","serial_to":"SN1200"})",
        [&app](Request& request) {
            auto draft = notice_draft(request.json());
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto registered = register_notice(tx, actor, draft);
                auto view = full_notice(tx, registered.notice);
                view->set("devices_held", registered.devices_held);
                view->set("lots_held", registered.lots_held);
                return view;
            }), 201);
        }});

    router.add({"GET", "/api/v1/recalls/{id}", Access::user, {}, "One field safety notice with its progress and lots.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return full_notice(tx, own_notice(tx, actor, request.id_param()));
            }));
        }});

    router.add({"GET", "/api/v1/recalls/{id}/affected", Access::user, {},
        "Every affected device by where it is now (in_stock with shelf, reserved, on_loan with municipality and, for "
        "roles that may see it, the address, in_service, returned, written_off) and the stock lots (in_stock per "
        "warehouse, none_in_stock, issued to cases with municipality and address as for devices); ?format=csv or "
        "Accept: text/csv for CSV.", "",
        [&app](Request& request) { return affected(app, request); }});

    router.add({"POST", "/api/v1/recalls/{id}/devices/{device_id}/done", Access::user, cleaning_roles,
        "Record the notice's action as done for one covered device; the notice closes when all are done.",
        R"({"note":"inspected, bracket replaced"})",
        [&app](Request& request) {
            auto note = request.body.empty() ? std::string() : optional_free_text(request.json(), "note", 1000).value_or("");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return full_notice(tx, record_device_action(tx, actor, request.id_param(),
                                                            request.id_param("device_id"), note));
            }));
        }});

    router.add({"POST", "/api/v1/recalls/{id}/lots/done", Access::user, cleaning_roles,
        "Record the notice's action as done for one covered stock lot (lot_id, from the affected list); an inspect "
        "or modify done releases the lot, the other actions leave it recalled; the notice closes when all are done.",
        R"({"lot_id":42,"note":"packs returned to the supplier"})",
        [&app](Request& request) {
            auto body = request.json();
            const auto lot = optional_int(body, "lot_id");
            if (!lot || *lot < 1) bad_request("invalid_field", "Field 'lot_id' (a stock lot of the affected list) is required.");
            auto note = optional_free_text(body, "note", 1000).value_or("");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return full_notice(tx, record_lot_action(tx, actor, request.id_param(), *lot, note));
            }));
        }});
}

}  // namespace bhm::server
