-- A portability request's data pushed to the address the requester gave (GDPR Art. 20(2)), sent by the outbound
-- queue like mail and webhooks: never inside the transaction that fulfils the request. The address and the document
-- are sealed under the requester's key; the document is deleted once the transfer is settled, and erasing the
-- requester deletes the row. last_error holds a status code or an error type, nothing the receiver wrote.
CREATE TABLE portability_transfer (
    id           UUID PRIMARY KEY,
    request_id   UUID        NOT NULL REFERENCES rights_request (id),
    subject_id   UUID        NOT NULL,
    target_enc   BYTEA       NOT NULL,
    document_enc BYTEA,
    status       TEXT        NOT NULL CHECK (status IN ('pending', 'accepted', 'failed')),
    attempts     INT         NOT NULL DEFAULT 0,
    last_error   TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    settled_at   TIMESTAMPTZ,
    CHECK (status <> 'pending' OR document_enc IS NOT NULL)
);
CREATE INDEX portability_transfer_subject ON portability_transfer (subject_id);
