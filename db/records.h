// The rows the Store keeps, as plain structs. They carry the domain's types
// (DeviceStatus, CaseStatus, Date) so that services never parse SQL text, and
// they are the same for every Store implementation (SQLite now, PostgreSQL later).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "shared/cases/case_flow.h"
#include "shared/core/date.h"
#include "shared/devices/lifecycle.h"

namespace bhm::db {

using Id = std::int64_t;

struct Page { int limit = 100; Id after_id = 0; };   // cursor paging by id
// Cursor paging of a list ordered by a date, then id: the page after (after_date, after_id). No date comes
// before every date (a device never inspected heads the inspection due list).
struct DatedPage { int limit = 100; std::optional<Date> after_date; Id after_id = 0; };

struct Region { Id id = 0; std::string code, name; };
struct Unit { Id id = 0; Id region_id = 0; std::string code, name; };
struct Warehouse { Id id = 0; Id unit_id = 0; std::string name; };
struct Location { Id id = 0; Id warehouse_id = 0; std::string code; };

// role: "warehouse" | "technician" | "caseworker" | "manager" | "admin"
struct User {
    Id id = 0; Id unit_id = 0; std::string username, role, password_hash; bool active = true;
    int token_version = 0;   // raised to end every token and session of the user at once
};

// A scan station's long-lived credential; only the SHA-256 of the token is kept.
struct Station {
    Id id = 0; Id unit_id = 0; std::string name, token_hash;
    Timestamp created_at; std::optional<Timestamp> revoked_at; std::string created_by;
};

// A browser's signed-in session (cookie); only the SHA-256 of the cookie's token is kept.
struct BrowserSession {
    Id id = 0; std::string token_hash; Id user_id = 0; std::string csrf_token; int token_version = 0;
    Timestamp created_at, expires_at; std::optional<Timestamp> ended_at;
};

// Wrong passwords for one username from one client address (the lockout's memory).
struct LoginFailures { std::string username, address; int failures = 0; Timestamp last_failure_at; };

struct Category {
    std::string code, name, name_no;
    bool site_check_required = false, electrical = true;
    int inspection_interval_months = 12, default_loan_days = 365;
};

struct Model {
    Id id = 0; std::string gtin, manufacturer, name, category;
    std::int64_t price_ore = 0;
    std::string protection_class;  // "I" | "II" | "IP"
    std::string applied_part;      // "none" | "B" | "BF" | "CF"
};

struct Device {
    Id id = 0; Id unit_id = 0; Id model_id = 0;
    std::string serial, asset_tag;
    std::optional<Id> warehouse_id, location_id;
    DeviceStatus status;
    std::optional<Date> inspection_due;      // next periodic inspection
    std::optional<Id> reserved_case_id;      // state reserved: for which case
    Timestamp received_at;
    std::int64_t version = 0;                // bumped by every update; a stale update fails
};

// residence: "home" | "institution"
struct Patient {
    Id id = 0; Id unit_id = 0;
    std::string national_id, name, address, municipality, residence;
};

struct Case {
    Id id = 0; Id unit_id = 0; std::string number; Id patient_id = 0;
    std::string category;
    bool inpatient = false, palliative = false, nebulizer_criteria_met = false;
    std::string lymphoedema;                 // "none" | "primary" | "secondary"
    std::string requester_role, requester_hpr, requester_name;
    CaseStatus status = CaseStatus::applied;
    Timestamp applied_at;
    std::optional<Timestamp> decided_at;
    std::optional<bool> approved;
    std::string grounds, decided_by;
    int loan_days = 0;
    std::optional<Date> complaint_deadline;
    std::string journal_hpr;                 // rule 7: the responsible specialist's journal note
    std::optional<Timestamp> journal_written_at;
    std::optional<Timestamp> delivered_at;
    bool own_equipment = false;              // palliative exception: the institution's own equipment
    std::string own_equipment_note;
    std::int64_t version = 0;
};

// Append-only: a correction is a new row naming the one it corrects, with the reason.
struct SiteCheckRecord {
    Id id = 0; Id case_id = 0;
    std::string documented_by; Date checked_on; std::string document_ref;
    Timestamp recorded_at; std::string recorded_by;
    std::string address;                     // the site it covers
    std::optional<Id> corrects_id; std::string correction_reason;
};

// Rule 7, append-only like site checks; the case's journal_hpr/journal_written_at mirror the latest.
struct JournalNoteRecord {
    Id id = 0; Id case_id = 0;
    std::string hpr_number; Timestamp written_at;
    Timestamp recorded_at; std::string recorded_by;
    std::optional<Id> corrects_id; std::string correction_reason;
};

// One instrument of the unit's register of test instruments (IEC 62353 tests need a calibrated one).
struct TestInstrumentRecord {
    Id id = 0; Id unit_id = 0;
    std::string identity; Date calibrated_on; int calibration_interval_months = 12;
    Timestamp registered_at; std::string registered_by;
};

// handover: "discharge" | "shipped"
struct Loan {
    Id id = 0; Id unit_id = 0; Id case_id = 0; Id device_id = 0;
    Timestamp delivered_at; Date due_on; std::string handover;
    bool manual_included = false, training_recorded = false, fitted_and_tested = false;
    std::string trained_who, not_fitted_reason, delivered_by;
    std::optional<Timestamp> returned_at;
    std::string end_reason;                  // "" while open; shared/loans/loan_end.h once ended
};

struct Inspection {
    Id id = 0; Id device_id = 0; Timestamp inspected_at;
    bool passed = false;
    std::string method, tester, instrument;
    Date instrument_calibrated_on;
    std::optional<Date> next_due;
    std::string details_json;                // measurements and limit checks, as recorded
};

struct ServiceOrder {
    Id id = 0; Id device_id = 0; Id unit_id = 0;
    Timestamp opened_at; std::string opened_by, fault;
    std::string work, parts;                 // appended as the work goes
    std::optional<Timestamp> closed_at; std::string closed_by;
};

// One line of the append-only audit trail.
struct Event {
    Id id = 0; Id unit_id = 0;
    std::optional<Id> device_id, case_id;
    Timestamp at; std::string actor, station, scan_id;
    std::string kind, before_state, after_state;
    std::string data_json;
};

// A scan that was answered: replaying its id returns the same answer.
struct ScanAnswer {
    std::string id; Id unit_id = 0; std::string station;
    int http_status = 200; std::string body_json; Timestamp answered_at;
    std::string request_fingerprint;   // SHA-256 of what was scanned; "" for answers kept before it existed
};

}  // namespace bhm::db
