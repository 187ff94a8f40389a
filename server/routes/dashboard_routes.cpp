// The manager's dashboard in one call: overdue loans (and how many of them, and of all open loans, are of a
// device an open field safety notice holds), inspections overdue or due soon, cases waiting
// for a decision or a delivery, and the longest wait of each. Each number has its own list endpoint
// (/loans/overdue, /inspections/due, /cases?status=), which the page opens.
#include <algorithm>

#include "server/routes/route_support.h"
#include "shared/core/norway_time.h"
#include "shared/inspection/iec62353.h"
#include "shared/loans/loan.h"

namespace bhm::server {
namespace {

Poco::JSON::Object::Ptr tally(int count, int longest_days) {
    Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
    o->set("count", count);
    o->set("longest_days", longest_days);
    return o;
}

// Cases in one status, with the longest time since `since` (applied or decided).
Poco::JSON::Object::Ptr waiting_cases(db::Transaction& tx, db::Id unit_id, CaseStatus status, Date today, bool since_decision) {
    int count = 0, longest = 0;
    db::Page page{500, 0};
    for (;;) {
        auto cases = tx.cases(unit_id, status, page);
        for (const auto& c : cases) {
            if (c.own_equipment) continue;   // the institution's own equipment: nothing for us to deliver
            ++count;
            const Timestamp since = since_decision && c.decided_at ? *c.decided_at : c.applied_at;
            longest = std::max(longest, days_between(local_date(since), today));
        }
        if (cases.size() < static_cast<std::size_t>(page.limit)) break;
        page.after_id = cases.back().id;
    }
    return tally(count, longest);
}

}  // namespace

void add_dashboard_routes(Router& router, App& app) {
    router.add({"GET", "/api/v1/dashboard", Access::user, catalogue_roles,
        "Counts for the manager's dashboard (?within_days=30 for inspections due soon): overdue loans, "
        "inspections overdue and due soon, cases awaiting decision and delivery, each with its longest wait in days.", "",
        [&app](Request& request) {
            const int within = query_int(request.query_value("within_days"), "within_days", 30, 0, 3650);
            return Response::json(in_read(app, request, [&](db::Transaction& tx, const Actor& actor) {
                const Date today = local_date(actor.now);
                const db::Id unit = actor.caller.unit_id;
                int overdue = 0, longest_overdue = 0, overdue_under_recall = 0;
                for (const auto& loan : tx.open_loans_due(unit, today)) {
                    if (!loan_overdue(loan.due_on, today)) continue;
                    ++overdue;
                    longest_overdue = std::max(longest_overdue, days_between(loan.due_on, today));
                    if (!tx.open_recall_holds(loan.device_id).empty()) ++overdue_under_recall;
                }
                int inspections_overdue = 0, due_soon = 0, longest_inspection = 0;
                for (const auto& d : tx.devices_inspection_due(unit, add_days(today, within))) {
                    if (inspection_overdue(d.inspection_due, today)) {
                        ++inspections_overdue;
                        if (d.inspection_due) longest_inspection = std::max(longest_inspection, days_between(*d.inspection_due, today));
                    } else {
                        ++due_soon;
                    }
                }
                Poco::JSON::Object::Ptr o = new Poco::JSON::Object;
                o->set("as_of", to_iso(today));
                auto overdue_tally = tally(overdue, longest_overdue);
                overdue_tally->set("under_recall", overdue_under_recall);   // of them, devices an open notice holds
                o->set("overdue_loans", overdue_tally);
                o->set("loans_under_recall", tally(tx.open_loans_under_recall(unit), 0));   // every open loan
                o->set("inspections_overdue", tally(inspections_overdue, longest_inspection));   // as the due list's "overdue"
                o->set("inspections_due_soon", tally(due_soon, 0));
                o->set("within_days", within);
                o->set("cases_awaiting_decision", waiting_cases(tx, unit, CaseStatus::applied, today, false));
                o->set("cases_awaiting_delivery", waiting_cases(tx, unit, CaseStatus::approved, today, true));
                return o;
            }));
        }});
}

}  // namespace bhm::server
