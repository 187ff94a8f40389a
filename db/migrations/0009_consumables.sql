-- 0009_consumables: consumables (issue 8). The catalogue of items with who pays (rule 8) and the device
-- categories they go with; stock per warehouse, item and lot with expiry and a lot status; each status
-- change as an append-only row; orders for a case with their lines and the lots picked for them;
-- standing orders; and each warehouse's minimum and maximum per item. Money in øre.

CREATE TABLE consumable_items (
    id INTEGER PRIMARY KEY,
    gtin TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    unit_of_issue TEXT NOT NULL,
    price_ore BIGINT NOT NULL CHECK (price_ore >= 0),
    payer TEXT NOT NULL CHECK (payer IN ('device_tied', 'municipality'))
);

CREATE TABLE consumable_item_categories (
    item_id INTEGER NOT NULL REFERENCES consumable_items (id),
    category TEXT NOT NULL REFERENCES categories (code),
    PRIMARY KEY (item_id, category)
);
CREATE INDEX consumable_item_categories_by_category ON consumable_item_categories (category);

-- One lot of one item in one warehouse; quantity is what is on the shelf now.
CREATE TABLE consumable_lots (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    item_id INTEGER NOT NULL REFERENCES consumable_items (id),
    lot TEXT NOT NULL,
    expiry TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('available', 'on_hold', 'quarantined', 'recalled', 'expired')),
    status_reason TEXT NOT NULL,
    quantity INTEGER NOT NULL CHECK (quantity >= 0),
    received_at TEXT NOT NULL,
    UNIQUE (warehouse_id, item_id, lot)
);
CREATE INDEX consumable_lots_by_unit_item ON consumable_lots (unit_id, item_id, expiry);
CREATE INDEX consumable_lots_by_item_lot ON consumable_lots (item_id, lot);

-- Every change of a lot's status, append-only: who, when, why (the recall work marks lots recalled here).
CREATE TABLE consumable_lot_status_changes (
    id INTEGER PRIMARY KEY,
    lot_id INTEGER NOT NULL REFERENCES consumable_lots (id),
    from_status TEXT NOT NULL,
    to_status TEXT NOT NULL,
    reason TEXT NOT NULL,
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
);
CREATE INDEX consumable_lot_status_changes_by_lot ON consumable_lot_status_changes (lot_id, id);

CREATE TABLE standing_orders (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    item_id INTEGER NOT NULL REFERENCES consumable_items (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    interval_days INTEGER NOT NULL CHECK (interval_days > 0),
    start_on TEXT NOT NULL,
    last_sent_on TEXT,
    active INTEGER NOT NULL CHECK (active IN (0, 1)),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL
);
CREATE INDEX standing_orders_by_unit ON standing_orders (unit_id, active, id);
CREATE INDEX standing_orders_by_case ON standing_orders (case_id);

CREATE TABLE consumable_orders (
    id INTEGER PRIMARY KEY,
    unit_id INTEGER NOT NULL REFERENCES units (id),
    case_id INTEGER NOT NULL REFERENCES cases (id),
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    status TEXT NOT NULL CHECK (status IN ('open', 'picked', 'delivered')),
    standing_order_id INTEGER REFERENCES standing_orders (id),
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    delivered_at TEXT,
    delivered_by TEXT NOT NULL
);
CREATE INDEX consumable_orders_by_case ON consumable_orders (case_id, id);
CREATE INDEX consumable_orders_by_unit_delivered ON consumable_orders (unit_id, delivered_at);

-- The price and payer are kept as they were when ordered, so a later price change leaves old costs alone.
CREATE TABLE consumable_order_lines (
    id INTEGER PRIMARY KEY,
    order_id INTEGER NOT NULL REFERENCES consumable_orders (id),
    item_id INTEGER NOT NULL REFERENCES consumable_items (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    price_ore BIGINT NOT NULL CHECK (price_ore >= 0),
    payer TEXT NOT NULL CHECK (payer IN ('device_tied', 'municipality'))
);
CREATE INDEX consumable_order_lines_by_order ON consumable_order_lines (order_id, id);

-- The packs taken from a lot for a line; the lot's quantity goes down by as many.
CREATE TABLE consumable_picks (
    id INTEGER PRIMARY KEY,
    line_id INTEGER NOT NULL REFERENCES consumable_order_lines (id),
    lot_id INTEGER NOT NULL REFERENCES consumable_lots (id),
    quantity INTEGER NOT NULL CHECK (quantity > 0),
    picked_at TEXT NOT NULL,
    picked_by TEXT NOT NULL
);
CREATE INDEX consumable_picks_by_line ON consumable_picks (line_id);
CREATE INDEX consumable_picks_by_lot ON consumable_picks (lot_id);

CREATE TABLE stock_levels (
    warehouse_id INTEGER NOT NULL REFERENCES warehouses (id),
    item_id INTEGER NOT NULL REFERENCES consumable_items (id),
    minimum INTEGER NOT NULL CHECK (minimum >= 0),
    maximum INTEGER NOT NULL CHECK (maximum > 0),
    PRIMARY KEY (warehouse_id, item_id)
);
