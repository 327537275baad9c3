-- The outbox. A message is queued in the transaction of whatever caused it and delivered later by one node at a
-- time. Recipient address, subject line and bodies are one AEAD ciphertext under the data subject's key (the
-- envelope), so erasing the subject shreds it even where a row survives; erasure also deletes the rows. Nothing
-- else here is personal: last_error names exception types and SMTP codes, never a server's message text, which
-- may quote the address. A message dropped before it could go out keeps no envelope.
CREATE TABLE mail_message (
    id              UUID PRIMARY KEY,
    site            TEXT        NOT NULL,
    subject_id      UUID        NOT NULL,
    kind            TEXT        NOT NULL CHECK (kind IN ('service', 'operational', 'marketing')),
    category        TEXT,
    purpose         TEXT,
    status          TEXT        NOT NULL CHECK (status IN ('queued', 'sent', 'held', 'dropped', 'failed')),
    attempts        INT         NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ,
    last_error      TEXT,
    transport       TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    sent_at         TIMESTAMPTZ,
    envelope_enc    BYTEA,
    CHECK (kind <> 'marketing' OR purpose IS NOT NULL),
    CHECK (status = 'dropped' OR envelope_enc IS NOT NULL)
);
CREATE INDEX mail_message_due ON mail_message (next_attempt_at) WHERE status IN ('queued', 'held');
CREATE INDEX mail_message_subject ON mail_message (subject_id);
CREATE INDEX mail_message_newest ON mail_message (created_at DESC, id);
