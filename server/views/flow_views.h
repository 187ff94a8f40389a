// JSON shapes of the weekly flows' records (decisions, complaints, pick-up tasks, write-offs, transfers),
// and the parts they add to GET /cases/{id}. Apart from views.cpp so the flows stay in their own files.
#pragma once

#include <Poco/JSON/Object.h>

#include "db/store.h"

namespace bhm::server {

Poco::JSON::Object::Ptr decision_view(const db::DecisionRecord& decision);
Poco::JSON::Object::Ptr complaint_view(db::Transaction& tx, const db::Complaint& complaint);
Poco::JSON::Object::Ptr pickup_view(db::Transaction& tx, const db::PickupTask& task);
Poco::JSON::Object::Ptr write_off_view(const db::WriteOff& write_off);
Poco::JSON::Object::Ptr transfer_view(db::Transaction& tx, const db::Transfer& transfer);

// Adds "decisions" (every entry, oldest first; the last is the current one), "complaints" (with their steps),
// "transfers" and "pickup_tasks" to a case's view. Without `personal` (a caller who may not see the patient's
// identity) a complaint shows its status and dates, not what the patient wrote or the grounds.
void add_case_flows(db::Transaction& tx, const db::Case& c, Poco::JSON::Object::Ptr& view, bool personal);

}  // namespace bhm::server
