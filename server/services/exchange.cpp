// The exchange workflow: check (shared/loans/exchange.h), end the old loan, send the old device to service,
// deliver the replacement through the gate with the case's picked consumable orders, and log the swap on the
// case.
#include "server/services/exchange.h"

#include <Poco/JSON/Object.h>

#include "server/services/consumable_orders.h"
#include "shared/core/refusal.h"
#include "server/views/views.h"
#include "shared/loans/exchange.h"
#include "shared/loans/loan_end.h"

namespace bhm::server {

ExchangeOutcome exchange_device(db::Transaction& tx, const Actor& actor, db::Id case_id, const ExchangeCommand& command,
                                int site_check_max_years) {
    auto c = own_case(tx, actor, case_id);
    auto old_device = own_device(tx, actor, command.returning_device_id);
    auto old_loan = tx.open_loan_for_device(old_device.id);
    const Timestamp at = command.replacement.delivered_at.value_or(actor.now);
    ExchangeCheck check{c.status, old_loan && old_loan->case_id == c.id,
                        command.replacement.device_id == old_device.id, command.fault};
    check.exchanged_at = at;
    if (old_loan) check.old_loan_delivered_at = old_loan->delivered_at;
    if (auto refusal = check_exchange(check))
        refuse(*refusal);

    ExchangeOutcome outcome;
    outcome.ended_loan = *old_loan;
    outcome.ended_loan.returned_at = at;
    outcome.ended_loan.end_reason = to_string(LoanEnd::exchanged);
    tx.update_loan(outcome.ended_loan);
    Poco::JSON::Object returned;
    returned.set("loan_id", old_loan->id);
    returned.set("exchange", true);
    returned.set("returned_at", to_iso(at));
    move_device(tx, actor, old_device, DeviceAction::take_return, c.id, json_text(returned));
    if (auto pickup = tx.open_pickup_task_for_device(old_device.id))
        tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
    outcome.service_order = open_service_order(tx, actor, old_device.id, command.fault);
    outcome.returned_device = *tx.device(old_device.id);

    DeliveryCommand replacement = command.replacement;
    replacement.exchange = true;
    replacement.delivered_at = at;          // the old loan ends at the same moment the replacement's begins
    replacement.due_on = old_loan->due_on;  // the review date belongs to the case, not the device
    outcome.delivery = deliver(tx, actor, c.id, replacement, site_check_max_years);
    // deliver() leaves the consumables to the first delivery; the replacement carries what is picked for the case.
    const int consumables_sent = deliver_picked_with_device(tx, actor, outcome.delivery.c, at);

    Poco::JSON::Object data;
    data.set("ended_loan_id", old_loan->id);
    data.set("returned_device_id", old_device.id);
    data.set("service_order_id", outcome.service_order.id);
    data.set("new_loan_id", outcome.delivery.loan.id);
    data.set("new_device_id", outcome.delivery.device.id);
    data.set("consumable_orders_sent", consumables_sent);
    record_event(tx, actor, EventDraft{"case_device_exchanged", outcome.delivery.device.id, c.id, to_string(c.status),
                                       to_string(c.status), json_text(data)});
    return outcome;
}

}  // namespace bhm::server
