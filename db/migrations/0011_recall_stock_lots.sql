-- 0011_recall_stock_lots: a field safety notice joined to the consumable stock lots it covers (issue 8). One
-- row per notice and stock lot (a lot number is one stock lot per warehouse), decided by
-- shared/recalls/coverage.h at registration or at a later receipt, with the lot's status before the notice
-- (an inspect or modify done gives it back) and the action record. The action is recorded per stock lot now:
-- recall_lots keeps only the notice's lot list as the manufacturer wrote it, and its done columns are no
-- longer written.

CREATE TABLE recall_stock_lots (
    notice_id INTEGER NOT NULL REFERENCES recall_notices (id),
    lot_id INTEGER NOT NULL REFERENCES consumable_lots (id),
    added_at TEXT NOT NULL,
    added_how TEXT NOT NULL CHECK (added_how IN ('registered', 'received')),
    status_before TEXT NOT NULL CHECK (status_before IN ('available', 'on_hold', 'quarantined', 'recalled', 'expired')),
    done_at TEXT,
    done_by TEXT NOT NULL,
    note TEXT NOT NULL,
    PRIMARY KEY (notice_id, lot_id)
);
CREATE INDEX recall_stock_lots_by_lot ON recall_stock_lots (lot_id, notice_id);
