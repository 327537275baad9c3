-- Legal holds: staff keep a subject's records, or one record (a case), past their due time, with a reason and an
-- end date. A held record is skipped by every retention sweep until the hold ends or is released; it then falls back
-- into the schedule. Rows are only ever released, never deleted; every placement and release is in the audit trail.
-- The reason is a case or court reference, never personal data.
CREATE TABLE legal_hold (
    id             UUID PRIMARY KEY,
    subject_id     UUID        NOT NULL,
    record_id      UUID,
    site           TEXT,
    reason         TEXT        NOT NULL,
    held_until     DATE        NOT NULL,
    ends_at        TIMESTAMPTZ NOT NULL,
    placed_by      TEXT        NOT NULL,
    placed_at      TIMESTAMPTZ NOT NULL,
    released_by    TEXT,
    released_at    TIMESTAMPTZ,
    release_reason TEXT,
    CHECK (record_id IS NULL OR site IS NOT NULL),
    CHECK ((released_at IS NULL) = (released_by IS NULL))
);
CREATE INDEX legal_hold_open ON legal_hold (ends_at) WHERE released_at IS NULL;
CREATE INDEX legal_hold_subject ON legal_hold (subject_id);

-- Deletion certificates: what one retention sweep erased, counted per activity and data category, the range of
-- due times it covered, and what it did to data outside the vault (request-log IP addresses truncated). Counts and
-- catalog keys only, nothing personal. Hash-chained and append-only like every other piece of evidence.
CREATE TABLE deletion_certificate (
    seq            BIGINT PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    initiator      TEXT        NOT NULL,
    swept_until    TIMESTAMPTZ NOT NULL,
    started_at     TIMESTAMPTZ NOT NULL,
    finished_at    TIMESTAMPTZ NOT NULL,
    elapsed_ms     BIGINT      NOT NULL,
    batches        INT         NOT NULL,
    records_erased BIGINT      NOT NULL,
    records_kept   BIGINT      NOT NULL,
    by_activity    TEXT        NOT NULL,
    by_category    TEXT        NOT NULL,
    other_data     TEXT        NOT NULL,
    due_from       TIMESTAMPTZ,
    due_to         TIMESTAMPTZ,
    prev_hash      BYTEA       NOT NULL,
    hash           BYTEA       NOT NULL
);
CREATE TRIGGER deletion_certificate_append_only BEFORE UPDATE OR DELETE ON deletion_certificate
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
