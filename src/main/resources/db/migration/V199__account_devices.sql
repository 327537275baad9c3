-- Browsers in which an account signed in (OWASP "device cookies"): a wrong password typed in one counts against that
-- browser, not against the account, so a stranger's guesses from elsewhere cannot lock the owner out of it. Only the
-- SHA-256 of the cookie's random id is kept. A browser's rows end with its account (cascade) and with a password reset.
CREATE TABLE account_device (
    id_sha256       TEXT        PRIMARY KEY,
    site            TEXT        NOT NULL,
    subject_id      UUID        NOT NULL,
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    trusted_until   TIMESTAMPTZ NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (site, subject_id) REFERENCES account (site, subject_id) ON DELETE CASCADE
);
CREATE INDEX account_device_account ON account_device (site, subject_id, created_at);
