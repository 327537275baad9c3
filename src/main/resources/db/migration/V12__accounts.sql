-- Visitors' accounts, one per site and data subject. The login (a user name or an e-mail address) is not stored here:
-- it is an identifier of the subject in the vault, found by blind index. The password only as a one-way hash.
-- A child's registration waits for a parent's confirmation before it can be used.
CREATE TABLE account (
    site            TEXT        NOT NULL,
    subject_id      UUID        NOT NULL,
    registered_with TEXT        NOT NULL,
    password_hash   TEXT        NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('active', 'awaiting-parent')),
    failed_attempts INT         NOT NULL DEFAULT 0,
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL,
    last_used_at    TIMESTAMPTZ,
    PRIMARY KEY (site, subject_id)
);
CREATE INDEX account_subject ON account (subject_id);

-- Password-reset links: only the SHA-256 of each token, single-use, expiring.
CREATE TABLE account_token (
    token_sha256 TEXT PRIMARY KEY,
    site         TEXT        NOT NULL,
    subject_id   UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX account_token_subject ON account_token (subject_id);
