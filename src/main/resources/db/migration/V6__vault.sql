-- Keys Steward needs besides the per-subject keys (the blind-index key, the signing key), each wrapped by the
-- master key set, which lives outside the database.
CREATE TABLE vault_key (
    name       TEXT PRIMARY KEY,
    wrapped    BYTEA       NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);

-- A data subject: a random id and its own data key, wrapped by the master key. Destroying the row destroys the
-- key, and with it every ciphertext of the subject wherever it survives (crypto-shredding).
CREATE TABLE data_subject (
    id          UUID PRIMARY KEY,
    wrapped_key BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL
);

-- Identifiers (e-mail, user name, phone) are found by a keyed HMAC of their normalised value (the blind index)
-- and stored only encrypted with the subject's key.
CREATE TABLE subject_identifier (
    blind_index BYTEA PRIMARY KEY,
    subject_id  UUID  NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    kind        TEXT  NOT NULL,
    value_enc   BYTEA NOT NULL
);
CREATE INDEX subject_identifier_subject ON subject_identifier (subject_id);

-- What was collected, for which activity, under which notice version and legal basis, until when. The personal
-- fields are one AEAD ciphertext under the subject's key, bound to this record's id.
CREATE TABLE personal_record (
    id             UUID PRIMARY KEY,
    subject_id     UUID        NOT NULL REFERENCES data_subject (id) ON DELETE CASCADE,
    site           TEXT        NOT NULL,
    activity       TEXT        NOT NULL,
    notice_version TEXT        NOT NULL,
    legal_basis    TEXT        NOT NULL,
    jurisdiction   TEXT        NOT NULL,
    collected_at   TIMESTAMPTZ NOT NULL,
    state          TEXT        NOT NULL,
    retention_rule TEXT        NOT NULL,
    due_at         TIMESTAMPTZ,
    fields_enc     BYTEA       NOT NULL
);
CREATE INDEX personal_record_subject ON personal_record (subject_id);
CREATE INDEX personal_record_due ON personal_record (due_at) WHERE due_at IS NOT NULL;
CREATE INDEX personal_record_activity ON personal_record (site, activity);

-- Tombstones of erasures (no personal data), hash-chained and append-only. The same tombstones are appended to a
-- file outside the database, so that restore-replay can erase again whoever a restored backup brings back.
CREATE TABLE erasure_log (
    seq        BIGINT PRIMARY KEY,
    id         UUID        NOT NULL UNIQUE,
    subject_id UUID        NOT NULL,
    record_ids UUID[],
    activity   TEXT,
    erased_at  TIMESTAMPTZ NOT NULL,
    reason     TEXT        NOT NULL,
    prev_hash  BYTEA       NOT NULL,
    hash       BYTEA       NOT NULL
);
CREATE INDEX erasure_log_subject ON erasure_log (subject_id);
CREATE TRIGGER erasure_log_append_only BEFORE UPDATE OR DELETE ON erasure_log
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
