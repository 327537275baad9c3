-- Links sent by e-mail that a person follows to confirm something: a parent confirming a child's submission, or a
-- subscriber confirming a double opt-in. Only the SHA-256 of each token is stored, so a copy of the database cannot
-- confirm anything; each is single-use and expires. Keys and ids only, nothing personal.
CREATE TABLE intake_token (
    token_sha256 TEXT PRIMARY KEY,
    kind         TEXT        NOT NULL CHECK (kind IN ('parental-consent', 'double-opt-in')),
    site         TEXT        NOT NULL,
    form         TEXT,
    subject_id   UUID        NOT NULL,
    record_id    UUID,
    purposes     TEXT[]      NOT NULL,
    jurisdiction TEXT        NOT NULL,
    method       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    expires_at   TIMESTAMPTZ NOT NULL,
    used_at      TIMESTAMPTZ
);
CREATE INDEX intake_token_subject ON intake_token (subject_id);
-- A child's submission waiting for a parent is erased when its link expires unused.
CREATE INDEX intake_token_held ON intake_token (expires_at) WHERE kind = 'parental-consent' AND used_at IS NULL;
