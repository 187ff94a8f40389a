// /loans/{id}/extension and /loans/{id}/return-request: the loan review by a caseworker. The overdue and due
// lists read the loan's due date, so an extension moves the loan off them at once.
#include "server/routes/flow_routes.h"
#include "server/services/loan_review.h"
#include "server/views/flow_views.h"

namespace bhm::server {

void add_loan_review_routes(Router& router, App& app) {
    router.add({"POST", "/api/v1/loans/{id}/extension", Access::user, case_roles,
        "Loan review: extend the loan to a new review date, with the reason (Prosedyre pkt. 10).",
        R"({"due_on":"2027-12-01","reason":"Still uses the CPAP every night; reviewed with the doctor."})",
        [&app](Request& request) {
            auto body = request.json();
            ExtensionCommand command{required_date(body, "due_on"), required_free_text(body, "reason")};
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return loan_view(extend_loan(tx, actor, request.id_param(), command));
            }));
        }});

    router.add({"POST", "/api/v1/loans/{id}/return-request", Access::user, case_roles,
        "Loan review: start the return; the device goes on the pick-up list (GET /pickups).",
        R"({"reason":"No longer needed after the review."})",
        [&app](Request& request) {
            auto reason = required_free_text(request.json(), "reason");
            return Response::json(in_write(app, request, [&](db::Transaction& tx, const Actor& actor) {
                return pickup_view(tx, start_return_at_review(tx, actor, request.id_param(), reason));
            }), 201);
        }});
}

}  // namespace bhm::server
