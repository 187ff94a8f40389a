-- 0001_initial: the first schema of BHM Tracker (region -> unit -> warehouse, catalogue, devices,
-- patients and cases, loans, inspections, service, the append-only event log and answered scans).
-- Portable SQL: TEXT/INTEGER/BIGINT/REAL, dates as 'YYYY-MM-DD', timestamps as 'YYYY-MM-DDThh:mm:ssZ'
-- (both sort as text), booleans as 0/1. Ids are SQLite's INTEGER PRIMARY KEY (auto-assigned rowid);
-- the PostgreSQL migrations will use BIGINT GENERATED ALWAYS AS IDENTITY columns instead.
-- schema_migrations is created and filled by the runner (db/migrations.cpp), not here.

CREATE TABLE regions (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE units (
    id INTEGER PRIMARY KEY,
    region_id INTEGER NOT NULL REFERENCES regions (id),
    code TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL
);

CREATE TABLE warehouses (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    UNIQUE (unit_id, name)
);

CREATE TABLE locations (
    id INTEGER PRIMARY KEY,
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    code TEXT NOT NULL,
    UNIQUE (warehouse_id, code)
);

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    username TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL CHECK (role IN ('warehouse', 'technician', 'caseworker', 'manager', 'admin')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
);

-- A scan station's credential: only the SHA-256 of its token is kept.
CREATE TABLE stations (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    name TEXT NOT NULL,
    token_hash TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    revoked_at TEXT,
    created_by TEXT NOT NULL
);
CREATE INDEX stations_by_unit ON stations (unit_id);

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

-- Counters the Store hands out (e.g. 'asset_number'); one row per counter.
CREATE TABLE counters (
    name TEXT PRIMARY KEY,
    value BIGINT NOT NULL
);

-- Case numbers run per unit and year: UNN-2026-000123.
CREATE TABLE case_number_sequences (
    unit_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    last_number BIGINT NOT NULL,
    PRIMARY KEY (unit_code, year)
);

-- Reference data, upserted at every open from shared/catalogue/category.cpp (the single source).
CREATE TABLE categories (
    code TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    name_no TEXT NOT NULL,
    site_check_required INTEGER NOT NULL CHECK (site_check_required IN (0, 1)),
    electrical INTEGER NOT NULL CHECK (electrical IN (0, 1)),
    inspection_interval_months INTEGER NOT NULL,
    default_loan_days INTEGER NOT NULL
);

-- Consumables tied to a category's devices (rule 8: ordered from and paid by the BHM unit).
CREATE TABLE category_consumables (
    category TEXT NOT NULL REFERENCES categories (code),
    consumable TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (category, consumable)
);

CREATE TABLE models (
    id INTEGER PRIMARY KEY,
    gtin TEXT NOT NULL UNIQUE,
    manufacturer TEXT NOT NULL,
    name TEXT NOT NULL,
    category TEXT NOT NULL REFERENCES categories (code),
    price_ore BIGINT NOT NULL CHECK (price_ore >= 0),
    protection_class TEXT NOT NULL CHECK (protection_class IN ('I', 'II', 'IP')),
    applied_part TEXT NOT NULL CHECK (applied_part IN ('none', 'B', 'BF', 'CF'))
);
CREATE INDEX models_by_category ON models (category);

CREATE TABLE patients (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    national_id TEXT NOT NULL,
    name TEXT NOT NULL,
    address TEXT NOT NULL,
    municipality TEXT NOT NULL,
    residence TEXT NOT NULL CHECK (residence IN ('home', 'institution')),
    UNIQUE (unit_id, national_id)
);

CREATE TABLE cases (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    number TEXT NOT NULL UNIQUE,
    patient_id INTEGER NOT NULL REFERENCES patients (id),
    category TEXT NOT NULL REFERENCES categories (code),
    inpatient INTEGER NOT NULL CHECK (inpatient IN (0, 1)),
    palliative INTEGER NOT NULL CHECK (palliative IN (0, 1)),
    nebulizer_criteria_met INTEGER NOT NULL CHECK (nebulizer_criteria_met IN (0, 1)),
    lymphoedema TEXT NOT NULL CHECK (lymphoedema IN ('none', 'primary', 'secondary')),
    requester_role TEXT NOT NULL,
    requester_hpr TEXT NOT NULL,
    requester_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('applied', 'approved', 'rejected', 'delivered', 'closed')),
    applied_at TEXT NOT NULL,
    decided_at TEXT,
    approved INTEGER CHECK (approved IN (0, 1)),
    grounds TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    loan_days INTEGER NOT NULL,
    complaint_deadline TEXT,
    journal_hpr TEXT NOT NULL,
    journal_written_at TEXT,
    delivered_at TEXT,
    own_equipment INTEGER NOT NULL CHECK (own_equipment IN (0, 1)),
    own_equipment_note TEXT NOT NULL,
    version BIGINT NOT NULL
);
CREATE INDEX cases_by_unit_status ON cases (unit_id, status, id);
CREATE INDEX cases_by_patient ON cases (patient_id);

CREATE TABLE devices (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    model_id INTEGER NOT NULL REFERENCES models (id),
    serial TEXT NOT NULL,
    asset_tag TEXT NOT NULL UNIQUE,
    warehouse_id INTEGER REFERENCES warehouses (id),
    location_id INTEGER REFERENCES locations (id),
    state TEXT NOT NULL
        CHECK (state IN ('received', 'available', 'reserved', 'on_loan', 'returned', 'in_service', 'retired', 'lost')),
    cleaned INTEGER NOT NULL CHECK (cleaned IN (0, 1)),
    inspected INTEGER NOT NULL CHECK (inspected IN (0, 1)),
    inspection_failed INTEGER NOT NULL CHECK (inspection_failed IN (0, 1)),
    inspection_due TEXT,
    reserved_case_id INTEGER REFERENCES cases (id),
    received_at TEXT NOT NULL,
    version BIGINT NOT NULL,
    UNIQUE (model_id, serial)
);
CREATE INDEX devices_by_unit_state ON devices (unit_id, state, id);
CREATE INDEX devices_by_unit_inspection_due ON devices (unit_id, inspection_due);

-- Rule 5: documentation that the site's electrical installation was checked.
CREATE TABLE site_checks (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES cases (id),
    documented_by TEXT NOT NULL,
    checked_on TEXT NOT NULL,
    document_ref TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    recorded_by TEXT NOT NULL
);
CREATE INDEX site_checks_by_case ON site_checks (case_id);

CREATE TABLE loans (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    device_id INTEGER NOT NULL REFERENCES devices (id),
    delivered_at TEXT NOT NULL,
    due_on TEXT NOT NULL,
    handover TEXT NOT NULL CHECK (handover IN ('discharge', 'shipped')),
    manual_included INTEGER NOT NULL CHECK (manual_included IN (0, 1)),
    training_recorded INTEGER NOT NULL CHECK (training_recorded IN (0, 1)),
    fitted_and_tested INTEGER NOT NULL CHECK (fitted_and_tested IN (0, 1)),
    trained_who TEXT NOT NULL,
    not_fitted_reason TEXT NOT NULL,
    delivered_by TEXT NOT NULL,
    returned_at TEXT
);
CREATE INDEX loans_by_unit_due ON loans (unit_id, due_on);
CREATE INDEX loans_by_case ON loans (case_id);
CREATE INDEX loans_by_device ON loans (device_id);
-- A device is on at most one open loan.
CREATE UNIQUE INDEX loans_one_open_per_device ON loans (device_id) WHERE returned_at IS NULL;

CREATE TABLE inspections (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    inspected_at TEXT NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    method TEXT NOT NULL,
    tester TEXT NOT NULL,
    instrument TEXT NOT NULL,
    instrument_calibrated_on TEXT NOT NULL,
    next_due TEXT,
    details_json TEXT NOT NULL
);
CREATE INDEX inspections_by_device ON inspections (device_id, id);

CREATE TABLE service_orders (
    id INTEGER PRIMARY KEY,
    device_id INTEGER NOT NULL REFERENCES devices (id),
    unit_id INTEGER NOT NULL REFERENCES units (id),
    opened_at TEXT NOT NULL,
    opened_by TEXT NOT NULL,
    fault TEXT NOT NULL,
    work TEXT NOT NULL,
    parts TEXT NOT NULL,
    closed_at TEXT,
    closed_by TEXT NOT NULL
);
CREATE INDEX service_orders_by_device ON service_orders (device_id);
-- A device has at most one open service order.
CREATE UNIQUE INDEX service_orders_one_open_per_device ON service_orders (device_id) WHERE closed_at IS NULL;

-- The audit trail. Append-only: the Store offers no update or delete for it.
CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    device_id INTEGER REFERENCES devices (id),
    case_id INTEGER REFERENCES cases (id),
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    station TEXT NOT NULL,
    scan_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    before_state TEXT NOT NULL,
    after_state TEXT NOT NULL,
    data_json TEXT NOT NULL
);
CREATE INDEX events_by_device ON events (device_id, id);
CREATE INDEX events_by_case ON events (case_id, id);
CREATE INDEX events_by_unit_at ON events (unit_id, at);

-- Answered scans, keyed by the client-made UUID: replaying a scan returns the same answer.
-- Append-only like events.
CREATE TABLE scans (
    id TEXT PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    station TEXT NOT NULL,
    http_status INTEGER NOT NULL,
    body_json TEXT NOT NULL,
    answered_at TEXT NOT NULL
);
