-- 0003_flows: the weekly flows of issue 12. How a loan ended (returned, lost, written off, death,
-- exchanged) so the annual report counts each apart; decisions as an append-only list (a reassessment
-- is a new entry); complaints and their steps; patients' deaths and pick-up tasks; write-offs; transfers
-- of a case with its loan to another unit. 0002 is another branch's; the runner allows the gap.

ALTER TABLE loans ADD COLUMN end_reason TEXT NOT NULL DEFAULT ''
    CHECK (end_reason IN ('', 'returned', 'lost', 'written_off', 'death', 'exchanged'));
-- Loans that ended before this migration: lost at the patient's where the trail says so, else returned.
UPDATE loans SET end_reason = 'returned' WHERE returned_at IS NOT NULL;
UPDATE loans SET end_reason = 'lost'
    WHERE returned_at IS NOT NULL
      AND id IN (SELECT CAST(json_extract(data_json, '$.loan_id') AS INTEGER) FROM events WHERE kind = 'report_lost');

-- Every decision on a case, oldest first; the case row mirrors the latest (the current decision).
CREATE TABLE decisions (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    kind TEXT NOT NULL CHECK (kind IN ('initial', 'reassessment', 'county_governor')),
    approved INTEGER NOT NULL CHECK (approved IN (0, 1)),
    grounds TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_at TEXT NOT NULL,
    loan_days INTEGER NOT NULL,
    complaint_deadline TEXT NOT NULL,
    complaint_id INTEGER
);
CREATE INDEX decisions_by_case ON decisions (case_id, id);
INSERT INTO decisions (case_id, kind, approved, grounds, decided_by, decided_at, loan_days, complaint_deadline)
    SELECT id, 'initial', COALESCE(approved, 0), grounds, decided_by, decided_at, loan_days,
           COALESCE(complaint_deadline, substr(decided_at, 1, 10))
    FROM cases WHERE decided_at IS NOT NULL ORDER BY id;

-- A complaint (pasient- og brukerrettighetsloven § 7-2) on one decision; status is the current step.
CREATE TABLE complaints (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    decision_id INTEGER NOT NULL REFERENCES decisions (id),
    received_on TEXT NOT NULL,
    deadline TEXT NOT NULL,
    within_deadline INTEGER NOT NULL CHECK (within_deadline IN (0, 1)),
    summary TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('received', 'reversed', 'upheld', 'forwarded', 'decided')),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX complaints_by_case ON complaints (case_id, id);

-- The steps of a complaint, append-only: reassessed, forwarded, outcome.
CREATE TABLE complaint_steps (
    id INTEGER PRIMARY KEY,
    complaint_id INTEGER NOT NULL REFERENCES complaints (id),
    kind TEXT NOT NULL CHECK (kind IN ('reassessed', 'forwarded', 'outcome')),
    on_date TEXT NOT NULL,
    result TEXT NOT NULL,
    grounds TEXT NOT NULL,
    decision_id INTEGER REFERENCES decisions (id),
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX complaint_steps_by_complaint ON complaint_steps (complaint_id, id);

CREATE TABLE patient_deaths (
    patient_id INTEGER PRIMARY KEY REFERENCES patients (id),
    died_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);

-- A device to fetch from the patient's: after a death, or a return started at the loan review.
CREATE TABLE pickup_tasks (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    loan_id INTEGER NOT NULL REFERENCES loans (id),
    reason TEXT NOT NULL CHECK (reason IN ('death', 'review_return')),
    note TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    done_at TEXT,
    done_by TEXT NOT NULL
);
CREATE INDEX pickup_tasks_by_unit ON pickup_tasks (unit_id, done_at, id);
CREATE UNIQUE INDEX pickup_tasks_one_open_per_device ON pickup_tasks (device_id) WHERE done_at IS NULL;

CREATE TABLE write_offs (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    device_id INTEGER NOT NULL UNIQUE REFERENCES devices (id),
    category TEXT NOT NULL REFERENCES categories (code),
    reason TEXT NOT NULL,
    loan_id INTEGER REFERENCES loans (id),
    written_off_at TEXT NOT NULL,
    written_off_by TEXT NOT NULL
);
CREATE INDEX write_offs_by_unit_at ON write_offs (unit_id, written_off_at);

-- A case handed over with its loan to another unit; the device moves unit when received there.
CREATE TABLE transfers (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    loan_id INTEGER NOT NULL REFERENCES loans (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    from_unit_id INTEGER NOT NULL REFERENCES units (id),
    to_unit_id INTEGER NOT NULL REFERENCES units (id),
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'received')),
    requested_at TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    received_at TEXT,
    received_by TEXT NOT NULL
);
CREATE INDEX transfers_by_from ON transfers (from_unit_id, id);
CREATE INDEX transfers_by_to ON transfers (to_unit_id, id);
CREATE UNIQUE INDEX transfers_one_pending_per_case ON transfers (case_id) WHERE status = 'pending';
