// Case workflows. Each refusal comes from shared/ with its source rule.
#include "server/services/cases.h"

#include <Poco/JSON/Object.h>

#include "shared/core/refusal.h"
#include "server/services/decisions.h"
#include "server/views/views.h"
#include "shared/loans/reservation.h"
#include "shared/people/national_id.h"
#include "shared/core/norway_time.h"

namespace bhm::server {
namespace {

db::Id find_or_create_patient(db::Transaction& tx, const Actor& actor, const CaseCommand& command) {
    if (command.patient_id) return own_patient(tx, actor, *command.patient_id).id;
    const auto& p = command.patient;
    if (auto refusal = check_national_id(p.national_id, local_date(actor.now))) refuse(*refusal);
    if (auto existing = tx.patient_by_national_id(actor.caller.unit_id, p.national_id)) return existing->id;
    if (p.name.empty()) bad_input("missing_field", "Field 'patient.name' is required for a new patient.");
    if (p.residence != "home" && p.residence != "institution")
        bad_input("invalid_field", "Field 'patient.residence' must be 'home' or 'institution'.");
    db::Patient patient{0, actor.caller.unit_id, p.national_id, p.name, p.address, p.municipality, p.residence};
    patient.id = tx.insert_patient(patient);
    // The event names the patient by id only: the audit trail and logs never hold names or national IDs.
    Poco::JSON::Object data;
    data.set("patient_id", patient.id);
    record_event(tx, actor, EventDraft{"patient_registered", std::nullopt, std::nullopt, "", "", json_text(data)});
    return patient.id;
}

void save_case(db::Transaction& tx, const Actor& actor, db::Case& c, const std::string& kind, CaseStatus before,
               const Poco::JSON::Object& data) {
    tx.update_case(c);
    record_event(tx, actor, EventDraft{kind, std::nullopt, c.id, to_string(before), to_string(c.status), json_text(data)});
}

}  // namespace

db::Case create_case(db::Transaction& tx, const Actor& actor, const CaseCommand& command) {
    if (auto refusal = check_hpr_number(command.requester_hpr)) refuse(*refusal);
    category_of(tx, command.category);
    ApplicationRequest request{command.requester_role, command.category, command.palliative,
                               command.nebulizer_criteria_met, command.lymphoedema};
    if (auto refusal = check_requester_rights(request)) refuse(*refusal);

    db::Case c;
    c.unit_id = actor.caller.unit_id;
    c.patient_id = find_or_create_patient(tx, actor, command);
    auto unit = tx.unit(actor.caller.unit_id);
    c.number = tx.next_case_number(unit ? unit->code : "BHM", local_date(actor.now).year);
    c.category = command.category;
    c.inpatient = command.inpatient;
    c.palliative = command.palliative;
    c.nebulizer_criteria_met = command.nebulizer_criteria_met;
    c.lymphoedema = to_string(command.lymphoedema);
    c.requester_role = to_string(command.requester_role);
    c.requester_hpr = command.requester_hpr;
    c.requester_name = command.requester_name;
    c.status = CaseStatus::applied;
    c.applied_at = actor.now;
    c.id = tx.insert_case(c);
    Poco::JSON::Object data;
    data.set("number", c.number);
    data.set("category", c.category);
    data.set("requester_role", c.requester_role);
    data.set("requester_name", c.requester_name);
    record_event(tx, actor, EventDraft{"case_applied", std::nullopt, c.id, "", to_string(c.status), json_text(data)});
    return c;
}

db::Case decide_case(db::Transaction& tx, const Actor& actor, db::Id case_id, const DecisionCommand& command) {
    auto c = own_case(tx, actor, case_id);
    auto category = category_of(tx, c.category);
    DecisionInput input{command.approve, command.grounds, actor.caller.actor(),
                        command.loan_days.value_or(category.default_loan_days), local_date(actor.now)};
    if (auto refusal = check_decision(c.status, input)) refuse(*refusal, c.status == CaseStatus::applied ? RefusalKind::refused : RefusalKind::conflict);
    const auto before = c.status;
    c.status = command.approve ? CaseStatus::approved : CaseStatus::rejected;
    c.approved = command.approve;
    c.grounds = command.grounds;
    c.decided_by = input.caseworker;
    c.decided_at = actor.now;
    c.loan_days = command.approve ? input.loan_days : 0;
    c.complaint_deadline = complaint_right(input.decided_on).deadline;
    Poco::JSON::Object data;
    data.set("approved", command.approve);
    data.set("grounds", c.grounds);   // into the trail, where the free-text screen runs
    data.set("loan_days", c.loan_days);
    data.set("complaint_deadline", to_iso(*c.complaint_deadline));
    save_case(tx, actor, c, command.approve ? "case_approved" : "case_rejected", before, data);
    record_decision_entry(tx, c, "initial");
    return c;
}

db::Case record_journal_note(db::Transaction& tx, const Actor& actor, db::Id case_id, const JournalNote& note,
                             const std::string& correction_reason) {
    auto c = own_case(tx, actor, case_id);
    if (auto refusal = check_journal_note(note, c.applied_at, actor.now)) refuse(*refusal);
    auto earlier = tx.journal_notes(c.id);
    const bool corrects = !earlier.empty() || c.journal_written_at.has_value();
    if (auto refusal = check_correction("journal note", corrects, correction_reason)) refuse(*refusal);
    if (corrects)
        if (auto refusal = check_correction_dated("journal note", c.delivered_at, note.written_at)) refuse(*refusal);
    db::JournalNoteRecord record;
    record.case_id = c.id;
    record.hpr_number = note.hpr_number;
    record.written_at = note.written_at;
    record.recorded_at = actor.now;
    record.recorded_by = actor.caller.actor();
    if (!earlier.empty()) record.corrects_id = earlier.back().id;
    record.correction_reason = corrects ? correction_reason : "";
    record.id = tx.insert_journal_note(record);
    c.journal_hpr = note.hpr_number;   // the case shows the latest; every entry stays in journal_notes
    c.journal_written_at = note.written_at;
    Poco::JSON::Object data;
    data.set("journal_note_id", record.id);
    data.set("hpr_number", note.hpr_number);
    data.set("written_at", to_iso(note.written_at));
    if (record.corrects_id) {
        data.set("corrects", *record.corrects_id);
        data.set("correction_reason", correction_reason);
    }
    save_case(tx, actor, c, corrects ? "journal_note_corrected" : "journal_note", c.status, data);
    return c;
}

std::vector<RecordedSiteCheck> recorded_site_checks(const std::vector<db::SiteCheckRecord>& records) {
    std::vector<RecordedSiteCheck> out;
    for (const auto& r : records) {
        bool superseded = false;
        for (const auto& later : records) superseded = superseded || later.corrects_id == r.id;
        out.push_back({SiteCheck{r.documented_by, r.checked_on, r.document_ref, r.address}, superseded});
    }
    return out;
}

db::SiteCheckRecord record_site_check(db::Transaction& tx, const Actor& actor, db::Id case_id,
                                      const SiteCheckCommand& command, int site_check_max_years) {
    auto c = own_case(tx, actor, case_id);
    auto patient = own_patient(tx, actor, c.patient_id);
    SiteCheck check = command.check;
    if (check.address.empty()) check.address = patient.address;
    if (auto refusal = check_site_check(check, patient.address, site_check_max_years, local_date(actor.now)))
        refuse(*refusal);
    auto earlier = tx.site_checks(c.id);
    if (command.corrects_id) {
        bool found = false;
        for (const auto& e : earlier) found = found || e.id == *command.corrects_id;
        if (!found) not_found("Site check " + std::to_string(*command.corrects_id) + " of this case");
    }
    if (auto refusal = check_correction("site check", command.corrects_id.has_value(), command.correction_reason))
        refuse(*refusal);
    if (command.corrects_id)   // a new check (the patient moved) may well be dated after the delivery
        if (auto refusal = check_correction_dated("site check", c.delivered_at, check.checked_on)) refuse(*refusal);
    db::SiteCheckRecord record;
    record.case_id = c.id;
    record.documented_by = check.documented_by;
    record.checked_on = check.checked_on;
    record.document_ref = check.document_ref;
    record.recorded_at = actor.now;
    record.recorded_by = actor.caller.actor();
    record.address = check.address;
    record.corrects_id = command.corrects_id;
    record.correction_reason = command.correction_reason;
    record.id = tx.insert_site_check(record);
    Poco::JSON::Object data;
    data.set("site_check_id", record.id);
    data.set("documented_by", check.documented_by);
    data.set("checked_on", to_iso(check.checked_on));
    data.set("document_ref", check.document_ref);
    if (record.corrects_id) {
        data.set("corrects", *record.corrects_id);
        data.set("correction_reason", record.correction_reason);
    }
    record_event(tx, actor, EventDraft{record.corrects_id ? "site_check_corrected" : "site_check", std::nullopt, c.id,
                                       to_string(c.status), to_string(c.status), json_text(data)});
    return record;
}

db::Case record_own_equipment(db::Transaction& tx, const Actor& actor, db::Id case_id, const std::string& note) {
    auto c = own_case(tx, actor, case_id);
    // Not palliative: a rule (422). Too late or already recorded: the case's state says no (409).
    if (auto refusal = check_own_equipment_allowed(c.palliative, c.status))
        refuse(*refusal, refusal->code == "own_equipment_already" ? RefusalKind::conflict : RefusalKind::refused);   // a repeat, else a rule
    db::DeviceFilter picked;
    picked.unit_id = c.unit_id;
    picked.reserved_case_id = c.id;
    if (!tx.devices(picked, db::Page{1, 0}).empty())
        refuse(RefusalKind::conflict, "case_has_device", "A device of ours is picked for this case; release it first.");
    const auto before = c.status;
    c.own_equipment = true;
    c.own_equipment_note = note;
    c.status = CaseStatus::own_equipment;   // its end state: out of the delivery queue
    Poco::JSON::Object data;
    data.set("note", note);
    save_case(tx, actor, c, "own_equipment", before, data);
    return c;
}

}  // namespace bhm::server
