// The routes of the weekly flows (issue 12): loan review, complaints, death and write-off, home visits and
// pick-ups, exchange, transfers between units. One file per resource; add_flow_routes adds them all.
#pragma once

#include "server/routes/route_support.h"
#include "server/services/loans.h"

namespace bhm::server {

// The delivery body (device_id, handover and the checklist), read the same way for a delivery and an exchange.
DeliveryCommand delivery_command(const Poco::JSON::Object::Ptr& body);

void add_loan_review_routes(Router& router, App& app);
void add_complaint_routes(Router& router, App& app);
void add_end_of_use_routes(Router& router, App& app);
void add_exchange_routes(Router& router, App& app);
void add_transfer_routes(Router& router, App& app);

void add_flow_routes(Router& router, App& app);

}  // namespace bhm::server
