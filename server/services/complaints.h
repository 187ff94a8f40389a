// Complaints about a decision (pasient- og brukerrettighetsloven § 7-2): received (in time or late),
// reassessed by the unit (a reversal is a new decision entry), forwarded to Statsforvalteren, and its outcome.
// The rules are in shared/cases/complaint.h; this file records them as rows, steps and events.
#pragma once

#include "server/services/actor.h"
#include "shared/cases/complaint.h"

namespace bhm::server {

struct ComplaintCommand { Date received_on; std::string summary; };
db::Complaint receive_complaint(db::Transaction& tx, const Actor& actor, db::Id case_id, const ComplaintCommand& command);

struct ReassessmentCommand { bool reverse = false; std::string grounds; std::optional<int> loan_days; };
db::Complaint reassess_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id,
                                 const ReassessmentCommand& command);

db::Complaint forward_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id, Date forwarded_on);

struct OutcomeCommand {
    ComplaintOutcome outcome = ComplaintOutcome::upheld;
    Date decided_on;
    std::string grounds;
    std::optional<int> loan_days;   // when Statsforvalteren's reversal approves
};
db::Complaint record_complaint_outcome(db::Transaction& tx, const Actor& actor, db::Id complaint_id,
                                       const OutcomeCommand& command);

// A complaint of the caller's unit (another unit's answers 404).
db::Complaint own_complaint(db::Transaction& tx, const Actor& actor, db::Id complaint_id);

}  // namespace bhm::server
