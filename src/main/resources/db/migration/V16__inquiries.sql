-- Inquiries: a case for every accepted submission of a form whose activity keeps its data until the correspondence
-- is terminated (a retention rule triggered by case-closed). A case holds identifiers, times and who works on it,
-- never a personal value: the submission stays in the vault, and each reply is sealed under the subject's key.
-- Erasing the subject, or the record, deletes the case and its replies.
CREATE TABLE inquiry_case (
    id          UUID PRIMARY KEY,
    record_id   UUID        NOT NULL UNIQUE,
    subject_id  UUID        NOT NULL,
    site        TEXT        NOT NULL,
    form        TEXT        NOT NULL,
    activity    TEXT        NOT NULL,
    recipient   TEXT,
    status      TEXT        NOT NULL CHECK (status IN ('open', 'answered', 'closed')),
    assignee    TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    answered_at TIMESTAMPTZ,
    closed_at   TIMESTAMPTZ,
    CHECK ((status = 'closed') = (closed_at IS NOT NULL))
);
CREATE INDEX inquiry_case_newest ON inquiry_case (received_at DESC, id);
CREATE INDEX inquiry_case_site_status ON inquiry_case (site, status);
CREATE INDEX inquiry_case_subject ON inquiry_case (subject_id);

-- A staff member's reply, as sent by e-mail (mail_id names the outbox message).
CREATE TABLE inquiry_reply (
    id       UUID PRIMARY KEY,
    case_id  UUID        NOT NULL REFERENCES inquiry_case (id) ON DELETE CASCADE,
    author   TEXT        NOT NULL,
    sent_at  TIMESTAMPTZ NOT NULL,
    mail_id  UUID        NOT NULL,
    text_enc BYTEA       NOT NULL
);
CREATE INDEX inquiry_reply_case ON inquiry_reply (case_id, sent_at);
