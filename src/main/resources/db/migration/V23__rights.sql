-- A data subject's request to exercise a right. The requester is a data subject too (created for the request if
-- Steward held nothing about them), and everything personal about the request is sealed under their key. Tokens
-- are stored only as hashes.
CREATE TABLE rights_request (
    id                      UUID PRIMARY KEY,
    site                    TEXT        NOT NULL,
    jurisdiction            TEXT        NOT NULL,
    type                    TEXT        NOT NULL,
    status                  TEXT        NOT NULL CHECK (status IN ('awaiting-verification', 'received', 'completed', 'denied', 'expired')),
    subject_id              UUID        NOT NULL,
    details_enc             BYTEA       NOT NULL,
    status_token_hash       BYTEA       NOT NULL UNIQUE,
    verification_token_hash BYTEA UNIQUE,
    verification_code_hash  BYTEA,
    verification_expires_at TIMESTAMPTZ,
    verification_attempts   INT         NOT NULL DEFAULT 0,
    created_at              TIMESTAMPTZ NOT NULL,
    received_at             TIMESTAMPTZ,
    due_at                  TIMESTAMPTZ,
    extended_to             TIMESTAMPTZ,
    assignee                TEXT,
    repeated                BOOLEAN     NOT NULL DEFAULT FALSE,
    fee                     TEXT,
    duplicate_of            UUID,
    closed_at               TIMESTAMPTZ,
    outcome                 TEXT
);
CREATE INDEX rights_request_subject ON rights_request (subject_id, type);
CREATE INDEX rights_request_queue ON rights_request (site, status, due_at);

-- What happened to a request, as its requester and staff see it. Messages may hold personal data and are sealed.
CREATE TABLE rights_request_event (
    id          BIGSERIAL PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES rights_request (id),
    occurred_at TIMESTAMPTZ NOT NULL,
    kind        TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    message_enc BYTEA
);
CREATE INDEX rights_request_event_request ON rights_request_event (request_id, id);

-- The answer to an access or portability request, encrypted under the subject's key, downloadable once through an
-- expiring link, deleted after the download or at expiry.
CREATE TABLE access_package (
    id          UUID PRIMARY KEY,
    request_id  UUID        NOT NULL REFERENCES rights_request (id),
    subject_id  UUID        NOT NULL,
    content_enc BYTEA       NOT NULL,
    token_hash  BYTEA       NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ NOT NULL,
    expires_at  TIMESTAMPTZ NOT NULL
);

-- Restriction of processing (GDPR Art. 18): while in force, the subject's data may only be stored.
CREATE TABLE restriction (
    id                 UUID PRIMARY KEY,
    subject_id         UUID        NOT NULL,
    site               TEXT        NOT NULL,
    activity           TEXT,
    ground             TEXT        NOT NULL,
    request_id         UUID REFERENCES rights_request (id),
    since              TIMESTAMPTZ NOT NULL,
    lifting_noticed_at TIMESTAMPTZ,
    lifted_at          TIMESTAMPTZ
);
CREATE INDEX restriction_subject ON restriction (subject_id, site) WHERE lifted_at IS NULL;

-- Telling each recipient of the subject's data of a rectification, erasure or restriction (GDPR Art. 19): by
-- signed webhook, or as a task staff confirm by hand. The payload names the person to the recipient, so it is sealed
-- with Steward's system key (it must outlive an erasure) and deleted once the recipient is told.
CREATE TABLE recipient_notice (
    id              UUID PRIMARY KEY,
    request_id      UUID        NOT NULL REFERENCES rights_request (id),
    subject_id      UUID        NOT NULL,
    site            TEXT        NOT NULL,
    recipient       TEXT        NOT NULL,
    change          TEXT        NOT NULL CHECK (change IN ('rectified', 'erased', 'restricted', 'restriction-lifted')),
    channel         TEXT        NOT NULL CHECK (channel IN ('webhook', 'manual')),
    status          TEXT        NOT NULL CHECK (status IN ('pending', 'acknowledged', 'confirmed', 'failed')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    payload_enc     BYTEA,
    created_at      TIMESTAMPTZ NOT NULL,
    told_at         TIMESTAMPTZ,
    told_by         TEXT
);
CREATE INDEX recipient_notice_due ON recipient_notice (status, next_attempt_at);

-- Every webhook delivery attempt, as evidence of the effort made (status code or error type; never the payload).
CREATE TABLE recipient_notice_delivery (
    id           BIGSERIAL PRIMARY KEY,
    notice_id    UUID        NOT NULL REFERENCES recipient_notice (id),
    attempted_at TIMESTAMPTZ NOT NULL,
    status_code  INT,
    error        TEXT
);

-- A supplementary statement completing the subject's data (GDPR Art. 16), sealed under their key: it is part of
-- their data from then on, shown with it and handed over with it.
CREATE TABLE supplementary_statement (
    id            UUID PRIMARY KEY,
    subject_id    UUID        NOT NULL,
    site          TEXT        NOT NULL,
    request_id    UUID        NOT NULL REFERENCES rights_request (id),
    statement_enc BYTEA       NOT NULL,
    added_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX supplementary_statement_subject ON supplementary_statement (subject_id);
