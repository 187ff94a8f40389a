-- 0008_transfer_cancel: a pending transfer can end without being received: cancelled by either unit with a
-- reason, or by itself when the case's last loan ends ("loan ended"). SQLite cannot change a CHECK, so the
-- transfers table is rebuilt the documented way (https://www.sqlite.org/lang_altertable.html#otheralter):
-- a new table, copy, drop, rename, indexes again. No table refers to transfers, so the foreign keys stay on.

CREATE TABLE transfers_new (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    loan_id INTEGER NOT NULL REFERENCES loans (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    from_unit_id INTEGER NOT NULL REFERENCES units (id),
    to_unit_id INTEGER NOT NULL REFERENCES units (id),
    reason TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending', 'received', 'cancelled')),
    requested_at TEXT NOT NULL,
    requested_by TEXT NOT NULL,
    received_at TEXT,
    received_by TEXT NOT NULL,
    cancelled_at TEXT,
    cancelled_by TEXT NOT NULL DEFAULT '',
    cancel_reason TEXT NOT NULL DEFAULT '',
    CHECK ((status = 'cancelled') = (cancelled_at IS NOT NULL))
);
INSERT INTO transfers_new (id, case_id, loan_id, device_id, from_unit_id, to_unit_id, reason, status, requested_at,
                           requested_by, received_at, received_by)
    SELECT id, case_id, loan_id, device_id, from_unit_id, to_unit_id, reason, status, requested_at, requested_by,
           received_at, received_by
    FROM transfers;
DROP TABLE transfers;
ALTER TABLE transfers_new RENAME TO transfers;
CREATE INDEX transfers_by_from ON transfers (from_unit_id, id);
CREATE INDEX transfers_by_to ON transfers (to_unit_id, id);
CREATE UNIQUE INDEX transfers_one_pending_per_case ON transfers (case_id) WHERE status = 'pending';

-- The dead ends left before this migration: a pending transfer whose case has no open loan ends now, with
-- the same event in both units' trail as when it happens live.
CREATE TEMP TABLE ended_transfers AS
    SELECT t.id, t.case_id, t.loan_id, t.device_id, t.from_unit_id, t.to_unit_id, t.reason
    FROM transfers t
    WHERE t.status = 'pending'
      AND NOT EXISTS (SELECT 1 FROM loans l WHERE l.case_id = t.case_id AND l.returned_at IS NULL);
UPDATE transfers
    SET status = 'cancelled', cancelled_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), cancelled_by = 'migration 0008',
        cancel_reason = 'loan ended'
    WHERE id IN (SELECT id FROM ended_transfers);
INSERT INTO events (unit_id, device_id, case_id, at, actor, station, scan_id, kind, before_state, after_state, data_json)
    SELECT u.unit_id, e.device_id, e.case_id, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'migration 0008', '', '',
           'transfer_cancelled', 'pending', 'cancelled',
           json_object('transfer_id', e.id, 'from_unit_id', e.from_unit_id, 'to_unit_id', e.to_unit_id,
                       'loan_id', e.loan_id, 'reason', e.reason, 'cancel_reason', 'loan ended')
    FROM ended_transfers e
    JOIN (SELECT id, from_unit_id AS unit_id FROM ended_transfers
          UNION ALL SELECT id, to_unit_id FROM ended_transfers) u ON u.id = e.id
    ORDER BY e.id, u.unit_id;
DROP TABLE ended_transfers;
