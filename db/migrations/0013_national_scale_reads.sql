-- 0013_national_scale_reads: indexes for the reads that must stay fast with a million devices and ten
-- million events (tests/bench/national_bench.cpp; plans checked by tests/db/store/hot_query_plan_test.cpp).
-- The overdue and due lists read only open loans: a partial index keeps the returned ones (most of a
-- unit's loans after some years) out of the range.
CREATE INDEX loans_open_by_unit_due ON loans (unit_id, due_on) WHERE returned_at IS NULL;
-- The inspection due list orders "never inspected" first, then by date: the key ifnull(inspection_due, '')
-- makes that one range of one index, already in the list's order (with the rowid, the device id).
CREATE INDEX devices_by_unit_inspection_key ON devices (unit_id, ifnull(inspection_due, ''));
-- The annual report counts the devices a unit received in the year, not every device it has.
CREATE INDEX devices_by_unit_received ON devices (unit_id, received_at);
-- A unit's cases, loans and devices in id order (the case and device lists and the report page through them by
-- id; a unit's loans are read by id): with only (unit_id, state/status/due_on, ...) indexes SQLite sorts the
-- unit's whole set in a temp b-tree for each page.
CREATE INDEX cases_by_unit ON cases (unit_id);
CREATE INDEX loans_by_unit ON loans (unit_id);
CREATE INDEX devices_by_unit ON devices (unit_id);
