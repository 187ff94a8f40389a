// The end of a device's use at a patient's other than a return: the patient's death (the open loans end and
// pick-up tasks are made), a write-off with a reason, and visits at the home that leave the device there.
#pragma once

#include "server/services/actor.h"

namespace bhm::server {

struct DeathCommand { std::optional<Date> died_on; std::string note; };
struct DeathOutcome { db::PatientDeath death; std::vector<db::PickupTask> pickups; };
DeathOutcome record_death(db::Transaction& tx, const Actor& actor, db::Id patient_id, const DeathCommand& command);

struct WriteOffOutcome { db::WriteOff write_off; db::Device device; };
WriteOffOutcome write_off_device(db::Transaction& tx, const Actor& actor, db::Id device_id, const std::string& reason);

struct HomeVisitCommand { std::string work, parts; };
db::Id record_home_visit(db::Transaction& tx, const Actor& actor, db::Id device_id, const HomeVisitCommand& command);

std::vector<db::PickupTask> open_pickups(db::Transaction& tx, const Actor& actor);
// A new pick-up task for the loan's device, saved (reason "death" | "review_return"): the one way a task is
// made, after a death here and at the loan review (server/services/loan_review.h).
db::PickupTask open_pickup_task(db::Transaction& tx, const Actor& actor, const db::Loan& loan, const std::string& reason,
                                const std::string& note);

}  // namespace bhm::server
