-- Issue 14 (Normen): every read of a patient's national ID or address is logged, who, when, which case
-- and why (the route), in the same transaction as the read. A manager lists the log of the unit.
-- Append-only: the store has no update or delete for it, and the triggers refuse one from anywhere else.
CREATE TABLE patient_access_log (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,                              -- the username (or station:<name>)
    role TEXT NOT NULL,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    case_id INTEGER REFERENCES cases (id),
    route TEXT NOT NULL,                              -- method and path of the request, e.g. GET /api/v1/cases/12
    fields TEXT NOT NULL                              -- what was shown: "national_id,name,address" or "address"
);
CREATE INDEX patient_access_log_by_unit ON patient_access_log (unit_id, id);
CREATE INDEX patient_access_log_by_patient ON patient_access_log (patient_id, id);
CREATE TRIGGER patient_access_log_no_update BEFORE UPDATE ON patient_access_log
BEGIN SELECT RAISE(ABORT, 'the patient access log is append-only'); END;
CREATE TRIGGER patient_access_log_no_delete BEFORE DELETE ON patient_access_log
BEGIN SELECT RAISE(ABORT, 'the patient access log is append-only'); END;
