-- Browsers in which a member of staff signed in to the console (OWASP "device cookies"): a wrong password typed in one
-- counts against that browser, not against the member, so a stranger's guesses from elsewhere cannot keep the member
-- locked out of the console. Only the SHA-256 of the cookie's random id is kept. A browser's rows end with a new
-- password (set by an administrator or by the member).
CREATE TABLE staff_device (
    id_sha256       TEXT        PRIMARY KEY,
    username        TEXT        NOT NULL REFERENCES staff_user (username) ON DELETE CASCADE,
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    expires_at      TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX staff_device_member ON staff_device (username, created_at);
