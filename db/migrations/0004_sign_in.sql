-- Signing in, hardened.
-- Browser sessions: the cookie's token is kept only as its SHA-256, with the per-session CSRF
-- token, so a logout (ended_at) or an expiry ends the session on the server, not just in the browser.
CREATE TABLE browser_sessions (
    id INTEGER PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    token_version INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    ended_at TEXT
);
CREATE INDEX browser_sessions_by_user ON browser_sessions (user_id);

-- A user's tokens and sessions carry the version they were made under; a password change, a
-- deactivation or "log out everywhere" raises it, and every older token ends at once.
ALTER TABLE users ADD COLUMN token_version INTEGER NOT NULL DEFAULT 0;

-- Wrong passwords per username and client address, kept across restarts (the lockout).
CREATE TABLE login_failures (
    username TEXT NOT NULL,
    address TEXT NOT NULL,
    failures INTEGER NOT NULL,
    last_failure_at TEXT NOT NULL,
    PRIMARY KEY (username, address)
);

-- The token signing secret moves out of the database into a key file (mode 0600) or the
-- environment: whoever could read the database, or a backup of it, could mint tokens.
DELETE FROM settings WHERE key = 'token_signing_secret';
