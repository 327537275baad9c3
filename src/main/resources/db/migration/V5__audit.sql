-- Every staff read or change of personal data: who, which subject, which fields (names, never values), what, why.
-- Append-only and hash-chained like the consent ledger.
CREATE TABLE audit_event (
    seq         BIGINT PRIMARY KEY,
    id          UUID        NOT NULL UNIQUE,
    occurred_at TIMESTAMPTZ NOT NULL,
    actor       TEXT        NOT NULL,
    action      TEXT        NOT NULL,
    subject_id  UUID,
    site        TEXT,
    fields      TEXT[]      NOT NULL,
    reason      TEXT,
    prev_hash   BYTEA       NOT NULL,
    hash        BYTEA       NOT NULL
);
CREATE INDEX audit_event_subject ON audit_event (subject_id, seq);
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
