-- Every disclosure of a subject's data to a recipient: who received which categories of data, for which activity,
-- when. It is what Steward tells the subject on request and whom it tells of rectification, erasure and
-- restriction (GDPR Art. 19). Keys and ids only, no personal values, so it outlives an erasure as evidence.
-- Append-only and hash-chained like the consent ledger.
CREATE TABLE disclosure (
    seq          BIGINT PRIMARY KEY,
    id           UUID        NOT NULL UNIQUE,
    subject_id   UUID        NOT NULL,
    site         TEXT        NOT NULL,
    recipient    TEXT        NOT NULL,
    activity     TEXT        NOT NULL,
    categories   TEXT[]      NOT NULL,
    record_id    UUID,
    legal_basis  TEXT,
    reason       TEXT,
    disclosed_at TIMESTAMPTZ NOT NULL,
    prev_hash    BYTEA       NOT NULL,
    hash         BYTEA       NOT NULL
);
CREATE INDEX disclosure_subject ON disclosure (subject_id, seq);
CREATE TRIGGER disclosure_append_only BEFORE UPDATE OR DELETE ON disclosure
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
