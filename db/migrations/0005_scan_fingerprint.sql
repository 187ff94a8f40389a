-- A scan id names one scan: the answer keeps a fingerprint (SHA-256) of what was scanned, so the
-- same id sent with a different body is refused (scan_id_reused) instead of answered with the
-- first scan's answer. Answers kept before this have no fingerprint and replay as before.
ALTER TABLE scans ADD COLUMN request_fingerprint TEXT NOT NULL DEFAULT '';
