// Registers the flows' routes (issue 12) in one call, so the route table's own file changes by one line.
#include "server/routes/flow_routes.h"

namespace bhm::server {

void add_flow_routes(Router& router, App& app) {
    add_loan_review_routes(router, app);
    add_complaint_routes(router, app);
    add_end_of_use_routes(router, app);
    add_exchange_routes(router, app);
    add_transfer_routes(router, app);
}

}  // namespace bhm::server
