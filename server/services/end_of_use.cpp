// Death, write-off and home visits. Each loan end carries its reason (shared/loans/loan_end.h) so the annual
// report counts returns, losses, write-offs and deaths apart; each is its own event.
#include "server/services/end_of_use.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/loans.h"
#include "server/views/views.h"
#include "shared/core/norway_time.h"
#include "shared/loans/end_of_use.h"
#include "shared/loans/loan_end.h"

namespace bhm::server {
DeathOutcome record_death(db::Transaction& tx, const Actor& actor, db::Id patient_id, const DeathCommand& command) {
    auto patient = own_patient(tx, actor, patient_id);
    if (auto refusal = check_death_record(tx.patient_death(patient.id).has_value(), command.died_on,
                                          local_date(actor.now)))
        refuse(*refusal, refusal->code == "death_already_recorded" ? RefusalKind::conflict : RefusalKind::refused);
    DeathOutcome outcome;
    outcome.death = db::PatientDeath{patient.id, *command.died_on, actor.now, actor.caller.actor()};
    tx.insert_patient_death(outcome.death);
    Poco::JSON::Object recorded;
    recorded.set("patient_id", patient.id);
    recorded.set("died_on", to_iso(*command.died_on));
    record_event(tx, actor, EventDraft{"patient_death_recorded", std::nullopt, std::nullopt, "", "", json_text(recorded)});
    for (const auto& c : tx.cases_of_patient(patient.id)) {
        if (c.unit_id != actor.caller.unit_id) continue;
        for (auto loan : tx.loans_of_case(c.id)) {
            if (loan.returned_at) continue;
            if (auto open = tx.open_pickup_task_for_device(loan.device_id))   // a return started at review
                tx.close_pickup_task(open->id, actor.now, actor.caller.actor());
            auto task = open_pickup_task(tx, actor, loan, "death", command.note);
            Poco::JSON::Object data;
            data.set("loan_id", loan.id);
            data.set("pickup_task_id", task.id);
            data.set("died_on", to_iso(*command.died_on));
            record_event(tx, actor, EventDraft{"loan_ended_by_death", loan.device_id, loan.case_id, "", "",
                                               json_text(data)});
            end_loan(tx, actor, loan, LoanEnd::death, actor.now, json_text(data));
            outcome.pickups.push_back(task);
        }
        // Cases still waiting (applied, approved) close too, and a device picked for one goes back to stock.
        auto current = tx.case_by_id(c.id);
        auto next = current ? case_status_after_death(current->status) : std::nullopt;
        if (!next) continue;
        release_picked_for_case(tx, actor, *current, "patient died");
        const auto before = current->status;
        current->status = *next;
        tx.update_case(*current);
        record_event(tx, actor, EventDraft{"case_closed", std::nullopt, current->id, to_string(before),
                                           to_string(current->status), json_text(recorded)});
    }
    return outcome;
}

WriteOffOutcome write_off_device(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& reason) {
    auto device = own_device(tx, actor, device_id);
    auto transition = write_off(device.status, reason);
    if (!transition.next) refuse(*transition.refusal, transition.refusal->code == "device_retired" ? RefusalKind::conflict : RefusalKind::refused);
    const auto before = device.status.state;
    auto loan = tx.open_loan_for_device(device.id);
    db::WriteOff record;
    record.unit_id = device.unit_id;
    record.device_id = device.id;
    record.category = model_of(tx, device).category;
    record.reason = reason;
    if (loan) record.loan_id = loan->id;
    record.written_off_at = actor.now;
    record.written_off_by = actor.caller.actor();
    record.id = tx.insert_write_off(record);
    device.status = *transition.next;
    device.reserved_case_id.reset();
    tx.update_device(device);
    Poco::JSON::Object data;
    data.set("write_off_id", record.id);
    data.set("reason", reason);
    if (loan) data.set("loan_id", loan->id);
    record_event(tx, actor, EventDraft{"device_written_off", device.id, loan ? std::optional(loan->case_id) : std::nullopt,
                                       to_string(before), to_string(device.status.state), json_text(data)});
    if (loan) end_loan(tx, actor, *loan, LoanEnd::written_off, actor.now, json_text(data));
    if (auto order = tx.open_service_order(device.id)) {   // no repair will follow: the order closes with the reason
        order->work += (order->work.empty() ? "" : "\n") + std::string("Written off: ") + reason;
        order->closed_at = actor.now;
        order->closed_by = actor.caller.actor();
        tx.update_service_order(*order);
    }
    if (auto pickup = tx.open_pickup_task_for_device(device.id)) tx.close_pickup_task(pickup->id, actor.now, actor.caller.actor());
    return {record, device};
}

db::Id record_home_visit(db::Transaction& tx, const Actor& actor, db::Id device_id, const HomeVisitCommand& command) {
    auto device = own_device(tx, actor, device_id);
    if (auto refusal = check_home_visit(device.status.state, command.work))
        refuse(*refusal);
    auto loan = tx.open_loan_for_device(device.id);
    Poco::JSON::Object data;
    data.set("work", command.work);
    data.set("parts", command.parts);
    if (loan) data.set("loan_id", loan->id);
    const std::string state = to_string(device.status.state);
    return record_event(tx, actor, EventDraft{"home_visit", device.id, loan ? std::optional(loan->case_id) : std::nullopt,
                                              state, state, json_text(data)});
}

std::vector<db::PickupTask> open_pickups(db::Transaction& tx, const Actor& actor) {
    return tx.open_pickup_tasks(actor.caller.unit_id);
}

db::PickupTask open_pickup_task(db::Transaction& tx, const Actor& actor, const db::Loan& loan, const std::string& reason,
                                const std::string& note) {
    db::PickupTask task;
    task.unit_id = loan.unit_id;
    task.device_id = loan.device_id;
    task.case_id = loan.case_id;
    task.loan_id = loan.id;
    task.reason = reason;
    task.note = note;
    task.created_at = actor.now;
    task.created_by = actor.caller.actor();
    task.id = tx.insert_pickup_task(task);
    return task;
}

}  // namespace bhm::server
