-- 0010_recalls: manufacturers' field safety notices (issue 8). A notice belongs to one unit and covers one
-- GTIN: every serial, a serial range, a list of serials, or a list of lots. recall_devices is the decided set
-- of covered devices (shared/recalls/coverage.h decides, at registration and at each later receipt) with the
-- action record per device; recall_lots the notice's lots with theirs. Holds are read by device through
-- recall_devices_by_device. 0008 and 0009 are other branches'; the runner allows the gap.

CREATE TABLE recall_notices (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    reference TEXT NOT NULL,
    issued_on TEXT NOT NULL,
    action TEXT NOT NULL CHECK (action IN ('inspect', 'modify', 'replace', 'stop_using', 'return')),
    user_text TEXT NOT NULL,
    gtin TEXT NOT NULL,
    model_id INTEGER REFERENCES models (id),
    coverage TEXT NOT NULL CHECK (coverage IN ('all_serials', 'serial_range', 'serial_list', 'lot_list')),
    serial_from TEXT NOT NULL,
    serial_to TEXT NOT NULL,
    registered_at TEXT NOT NULL,
    registered_by TEXT NOT NULL,
    closed_at TEXT,
    UNIQUE (unit_id, reference)
);
CREATE INDEX recall_notices_open_by_gtin ON recall_notices (unit_id, gtin) WHERE closed_at IS NULL;

-- A serial_list notice's serials, as the manufacturer listed them.
CREATE TABLE recall_serials (
    notice_id INTEGER NOT NULL REFERENCES recall_notices (id),
    serial TEXT NOT NULL,
    PRIMARY KEY (notice_id, serial)
);

-- A lot_list notice's lots, each with its action record.
CREATE TABLE recall_lots (
    notice_id INTEGER NOT NULL REFERENCES recall_notices (id),
    lot TEXT NOT NULL,
    done_at TEXT,
    done_by TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (notice_id, lot)
);

-- The devices a notice covers, each with its action record.
CREATE TABLE recall_devices (
    notice_id INTEGER NOT NULL REFERENCES recall_notices (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    added_at TEXT NOT NULL,
    added_how TEXT NOT NULL CHECK (added_how IN ('registered', 'received')),
    done_at TEXT,
    done_by TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (notice_id, device_id)
);
CREATE INDEX recall_devices_by_device ON recall_devices (device_id, notice_id);
