// Moving between units: the sending unit starts the transfer of a case with its loan; the receiving unit
// receives it, and only then do the case, the loan, the patient's record and the device change unit.
// Both units get the transfer's events in their own trail. A pending transfer may be cancelled, and ends
// by itself with the case's last loan.
#pragma once

#include <Poco/JSON/Array.h>

#include "server/services/actor.h"

namespace bhm::server {

struct TransferCommand { db::Id to_unit_id = 0; std::string reason; };
db::Transfer start_transfer(db::Transaction& tx, const Actor& actor, db::Id case_id, const TransferCommand& command);
db::Transfer receive_transfer(db::Transaction& tx, const Actor& actor, db::Id transfer_id);
// Either unit cancels a pending transfer with a reason; both units' trails get transfer_cancelled.
db::Transfer cancel_transfer(db::Transaction& tx, const Actor& actor, db::Id transfer_id, const std::string& reason);
// Called whenever a loan of the case ends: a pending transfer ends with the case's last loan (cancelled,
// reason "loan ended", in both units' trails) and stands while the case keeps an open loan (an exchange).
void end_transfer_with_loan(db::Transaction& tx, const Actor& actor, db::Id case_id);

// Transfers sent or received by the caller's unit, newest first.
std::vector<db::Transfer> unit_transfers(db::Transaction& tx, const Actor& actor);
// The caller's unit's own trail entries of one transfer (each unit gets its own copy of each step).
Poco::JSON::Array::Ptr transfer_trail(db::Transaction& tx, const Actor& actor, const db::Transfer& transfer);

}  // namespace bhm::server
