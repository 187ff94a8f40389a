-- Issue 12, the rules of record: journal notes become append-only entries (a correction is a new row with
-- its reason; the earlier one stays), site checks keep the address they cover and what they correct, and
-- each unit keeps a register of its calibrated test instruments. Own-equipment cases leave the delivery queue.

CREATE TABLE journal_notes (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    hpr_number TEXT NOT NULL,
    written_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    corrects_id INTEGER REFERENCES journal_notes (id),
    correction_reason TEXT NOT NULL
);
CREATE INDEX journal_notes_by_case ON journal_notes (case_id, id);
-- The note each case had so far becomes its first entry (who recorded it was not kept: recorded_by is '').
INSERT INTO journal_notes (case_id, hpr_number, written_at, recorded_at, recorded_by, corrects_id, correction_reason)
    SELECT id, journal_hpr, journal_written_at, journal_written_at, '', NULL, '' FROM cases
    WHERE journal_written_at IS NOT NULL;

ALTER TABLE site_checks ADD COLUMN address TEXT NOT NULL DEFAULT '';
ALTER TABLE site_checks ADD COLUMN corrects_id INTEGER REFERENCES site_checks (id);
ALTER TABLE site_checks ADD COLUMN correction_reason TEXT NOT NULL DEFAULT '';
-- Checks recorded so far covered the patient's address at the time; the best record of it is the current one.
UPDATE site_checks SET address = (
    SELECT p.address FROM cases c JOIN patients p ON p.id = c.patient_id WHERE c.id = site_checks.case_id);

CREATE TABLE test_instruments (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    identity TEXT NOT NULL,
    calibrated_on TEXT NOT NULL,
    calibration_interval_months INTEGER NOT NULL CHECK (calibration_interval_months BETWEEN 1 AND 60),
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    UNIQUE (unit_id, identity)
);

-- The own-equipment end state. SQLite cannot change the CHECK on cases.status inside the migration's
-- transaction, so the store keeps that state as status 'closed' with own_equipment = 1 (db/sqlite/cases.cpp
-- maps it both ways); cases recorded before this migration move there now.
UPDATE cases SET status = 'closed' WHERE own_equipment = 1 AND status IN ('applied', 'approved');
