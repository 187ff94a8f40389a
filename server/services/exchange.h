// Exchange at home: the case stays open, the device at the patient's comes back for service (its loan ends
// as "exchanged" and a service order is opened with the fault) and a replacement goes out through the same
// delivery gate (server/services/loans.h deliver, with `exchange`). One transaction: all or nothing.
#pragma once

#include "server/services/inspection.h"
#include "server/services/loans.h"

namespace bhm::server {

struct ExchangeCommand {
    db::Id returning_device_id = 0;
    std::string fault;
    DeliveryCommand replacement;    // device_id and the handover checklist of the device going out
};

struct ExchangeOutcome {
    db::Loan ended_loan;
    db::Device returned_device;
    db::ServiceOrder service_order;
    DeliveryOutcome delivery;
};

ExchangeOutcome exchange_device(db::Transaction& tx, const Actor& actor, db::Id case_id, const ExchangeCommand& command);

}  // namespace bhm::server
