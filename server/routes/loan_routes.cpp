// /loans: return reminders (due within N days, overdue) per unit, and returns.
// Lists carry the case number and municipality, never the patient's name, and any open field safety
// notice on the device (recall_holds).
#include "server/routes/route_support.h"
#include "server/services/loans.h"
#include "server/views/recall_views.h"
#include "shared/loans/loan.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

Poco::JSON::Object::Ptr reminder_view(db::Transaction& tx, const db::Loan& loan, Date today) {
    auto view = loan_view(loan);
    if (auto device = tx.device(loan.device_id)) {
        view->set("asset_tag", device->asset_tag);
        view->set("model", model_of(tx, *device).name);
    }
    if (auto c = tx.case_by_id(loan.case_id)) {
        view->set("case_number", c->number);
        view->set("category", c->category);
        if (auto patient = tx.patient(c->patient_id)) view->set("municipality", patient->municipality);
    }
    view->set("overdue", loan_overdue(loan.due_on, today));
    auto pickup = tx.open_pickup_task_for_device(loan.device_id);   // the return was started at review
    view->set("return_started", pickup.has_value());
    view->set("days_overdue", std::max(0, days_between(loan.due_on, today)));
    // Open field safety notices on the device at the patient's (server/routes/recall_routes.cpp).
    view->set("recall_holds", recall_holds_view(loan.returned_at ? std::vector<db::DeviceRecallHold>{}
                                                                 : tx.open_recall_holds(loan.device_id)));
    return view;
}

Poco::JSON::Array::Ptr reminders(db::Transaction& tx, const Actor& actor, Date today, int within_days, bool overdue_only) {
    Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
    for (const auto& loan : tx.open_loans_due(actor.caller.unit_id, add_days(today, within_days))) {
        if (overdue_only && !loan_overdue(loan.due_on, today)) continue;
        items->add(reminder_view(tx, loan, today));
    }
    return items;
}

}  // namespace

void add_loan_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/loans/overdue", Access::user, {},
        "Open loans past their due/review date (?as_of=YYYY-MM-DD, default today); the most overdue first. With "
        "?limit= or ?cursor= a page of them: {items, next_cursor}.", "",
        [&app](Request& request) {
            auto as_of = query_date(request.query_value("as_of"), "as_of");
            auto page = dated_page_of(request);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) -> Poco::Dynamic::Var {
                const Date today = as_of.value_or(local_date(actor.now));
                if (!page) return reminders(tx, actor, today, -1, true);
                // Due by yesterday is overdue (shared loan_overdue), so every loan of the page is one.
                Poco::JSON::Array::Ptr items = new Poco::JSON::Array;
                std::optional<Date> last_date;
                db::Id last = 0;
                for (const auto& loan : tx.open_loans_due(actor.caller.unit_id, add_days(today, -1), *page)) {
                    items->add(reminder_view(tx, loan, today));
                    last_date = loan.due_on;
                    last = loan.id;
                }
                return dated_paged(items, last_date, last, static_cast<std::size_t>(page->limit));
            }));
        }});

    router.add({"GET", "/api/v1/loans/due", Access::user, {},
        "Return reminders: open loans due within ?within_days=N (default 14) and those overdue (?as_of=).", "",
        [&app](Request& request) {
            int within = query_int(request.query_value("within_days"), "within_days", 14, 0, 3650);
            auto as_of = query_date(request.query_value("as_of"), "as_of");
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return reminders(tx, actor, as_of.value_or(local_date(actor.now)), within, false);
            }));
        }});

    router.add({"GET", "/api/v1/loans/{id}", Access::user, {}, "One loan.", "",
        [&app](Request& request) {
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto loan = tx.loan(request.id_param());
                if (!loan || loan->unit_id != actor.caller.unit_id) not_found("Loan " + request.params["id"]);
                return reminder_view(tx, *loan, local_date(actor.now));
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/release", Access::user, delivery_roles,
        "Put a picked (reserved) device back in stock.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return device_view(tx, release_reservation(tx, actor, request.id_param()));
            }));
        }});

    router.add({"POST", "/api/v1/devices/{id}/return", Access::user, delivery_roles,
        "The device came back: the loan ends, the device waits for cleaning and inspection.", "",
        [&app](Request& request) {
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                auto outcome = return_device(tx, actor, request.id_param());
                auto view = loan_view(outcome.loan);
                view->set("device", device_view(tx, outcome.device));
                return view;
            }));
        }});
}

}  // namespace bhm::server
