-- Browser sessions: the cookie's token is kept only as its SHA-256, with the per-session CSRF
-- token, so a logout (ended_at) or an expiry ends the session on the server, not just in the browser.
CREATE TABLE browser_sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX browser_sessions_by_user ON browser_sessions (user_id);
