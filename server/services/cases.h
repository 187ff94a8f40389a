// Applications and decisions (DOMAIN.md "The flow"): registering a case with the
// requester's rights checked, deciding it with grounds and the complaint right,
// the responsible doctor's journal note, site documentation and the palliative
// own-equipment exception.
#pragma once

#include "server/services/actor.h"
#include "shared/cases/requester.h"
#include "shared/loans/delivery.h"

namespace bhm::server {

struct PatientDetails {
    std::string national_id, name, address, municipality, residence;   // residence: home | institution
};

struct CaseCommand {
    std::optional<db::Id> patient_id;
    PatientDetails patient;
    std::string category;
    bool inpatient = false, palliative = false, nebulizer_criteria_met = false;
    Lymphoedema lymphoedema = Lymphoedema::none;
    RequesterRole requester_role = RequesterRole::specialist_doctor;
    std::string requester_hpr, requester_name;
};

db::Case create_case(db::Transaction& tx, const Actor& actor, const CaseCommand& command);

struct DecisionCommand {
    bool approve = false;
    std::string grounds;
    std::optional<int> loan_days;      // default: the category's review period
};
db::Case decide_case(db::Transaction& tx, const Actor& actor, db::Id case_id, const DecisionCommand& command);

// Journal notes and site checks are append-only: a second one is a correction and needs a reason;
// the earlier stays on the case (journal_notes(), site_checks()) and in the trail.
db::Case record_journal_note(db::Transaction& tx, const Actor& actor, db::Id case_id, const JournalNote& note,
                             const std::string& correction_reason = "");

struct SiteCheckCommand {
    SiteCheck check;                     // check.address empty: the patient's current address
    std::optional<db::Id> corrects_id;   // the earlier site check this one corrects
    std::string correction_reason;
};
db::SiteCheckRecord record_site_check(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                      const SiteCheckCommand& command, int site_check_max_years);

// Which of a case's site checks have been corrected by a later one.
std::vector<RecordedSiteCheck> recorded_site_checks(const std::vector<db::SiteCheckRecord>& records);
db::Case record_own_equipment(db::Transaction& tx, const Actor& actor, db::Id case_id, const std::string& note);

}  // namespace bhm::server
