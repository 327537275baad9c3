-- The consent ledger: every consent given, withdrawn, confirmed, renewed, lapsed or objected to, with the notice
-- version and a SHA-256 of the exact wording shown. Append-only (this trigger, and the code never updates) and
-- hash-chained. The connection evidence (IP address as the catalog allows, user agent) is encrypted under the
-- subject's key, so erasing the subject shreds it while the chain stays verifiable.
CREATE TABLE consent_event (
    seq            BIGINT PRIMARY KEY,
    id             UUID        NOT NULL UNIQUE,
    subject_id     UUID        NOT NULL,
    site           TEXT        NOT NULL,
    purpose        TEXT        NOT NULL,
    activity       TEXT,
    action         TEXT        NOT NULL CHECK (action IN ('given', 'withdrawn', 'confirmed', 'renewed', 'lapsed', 'objected')),
    notice_version TEXT        NOT NULL,
    wording_sha256 TEXT,
    method         TEXT        NOT NULL,
    occurred_at    TIMESTAMPTZ NOT NULL,
    jurisdiction   TEXT        NOT NULL,
    by_parent      BOOLEAN     NOT NULL,
    evidence_ref   TEXT,
    evidence_enc   BYTEA,
    expires_at     TIMESTAMPTZ,
    prev_hash      BYTEA       NOT NULL,
    hash           BYTEA       NOT NULL
);
CREATE INDEX consent_event_subject ON consent_event (subject_id, site, purpose, seq);
CREATE INDEX consent_event_expiry ON consent_event (expires_at) WHERE expires_at IS NOT NULL;
CREATE TRIGGER consent_event_append_only BEFORE UPDATE OR DELETE ON consent_event
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();

-- The signed receipt of each consent event (a JWS), as handed to the person.
CREATE TABLE consent_receipt (
    event_id UUID PRIMARY KEY REFERENCES consent_event (id),
    jws      TEXT NOT NULL
);
CREATE TRIGGER consent_receipt_append_only BEFORE UPDATE OR DELETE ON consent_receipt
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
