// The store's patients and cases, with the site checks and journal notes a delivery needs.
// update_case is version-checked like update_device. A narrow interface that Transaction inherits.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "db/records.h"

namespace bhm::db {

class CaseRecords {
public:
    virtual ~CaseRecords() = default;

    // Patients and cases.
    virtual Id insert_patient(const Patient&) = 0;
    virtual std::optional<Patient> patient(Id) = 0;
    virtual std::optional<Patient> patient_by_national_id(Id unit_id, const std::string& national_id) = 0;
    virtual Id insert_case(const Case&) = 0;
    virtual void update_case(Case&) = 0;          // version-checked like update_device
    virtual std::optional<Case> case_by_id(Id) = 0;
    virtual std::optional<Case> case_by_number(const std::string& number) = 0;
    virtual std::vector<Case> cases(Id unit_id, std::optional<CaseStatus> status, const Page&) = 0;
    virtual std::string next_case_number(const std::string& unit_code, int year) = 0;
    virtual Id insert_site_check(const SiteCheckRecord&) = 0;
    virtual std::vector<SiteCheckRecord> site_checks(Id case_id) = 0;   // oldest first
    virtual Id insert_journal_note(const JournalNoteRecord&) = 0;
    virtual std::vector<JournalNoteRecord> journal_notes(Id case_id) = 0;   // oldest first
};

}  // namespace bhm::db
