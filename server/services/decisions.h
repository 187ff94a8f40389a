// Decisions are an append-only list (issue 12): the first decision, a reassessment after a complaint and
// Statsforvalteren's reversal are each a new entry. The case row mirrors the latest entry, the current decision.
#pragma once

#include "server/services/actor.h"

namespace bhm::server {

// Records the case's current decision fields as a new decision entry of `kind`
// ("initial" | "reassessment" | "county_governor").
db::DecisionRecord record_decision_entry(db::FlowRecords& tx, const db::Case& c, const std::string& kind,
                                         std::optional<db::Id> complaint_id = std::nullopt);

// Reverses the case's current decision as a new entry (shared/cases/complaint.h reversal_effect: a refused
// case goes back to the delivery queue, a delivered one keeps its loan); saves the case with an event.
// `loan_days` applies when the new decision approves (default: the category's review period).
db::DecisionRecord reverse_decision(db::Transaction& tx, const Actor& actor, db::Case& c, const std::string& kind,
                                    const std::string& grounds, std::optional<int> loan_days,
                                    const std::string& decided_by, db::Id complaint_id);

// The current decision entry (the latest); none while the case is undecided.
std::optional<db::DecisionRecord> current_decision(db::FlowRecords& tx, db::Id case_id);

}  // namespace bhm::server
