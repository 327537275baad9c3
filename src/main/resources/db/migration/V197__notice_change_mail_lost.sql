-- A subject is told of a change only by a mail that left or can still leave. When an erasure deletes an address's
-- mail before it left (it was sealed under the erased subject's key), the mailing appends that here, and the
-- address's other subjects are told by a new mail, recorded by new rows: a subject's earlier row is kept as it was,
-- with its attempt number, so the evidence shows both the mail that was lost and the one that told them.
ALTER TABLE notice_change_recipient ADD COLUMN attempt SMALLINT NOT NULL DEFAULT 1;
ALTER TABLE notice_change_recipient DROP CONSTRAINT notice_change_recipient_pkey;
ALTER TABLE notice_change_recipient ADD PRIMARY KEY (change_id, subject_id, attempt);
-- the subjects a lost mail was to tell
CREATE INDEX notice_change_recipient_mail ON notice_change_recipient (mail_id);

CREATE TABLE notice_change_lost (
    mail_id   UUID PRIMARY KEY,
    change_id BIGINT      NOT NULL REFERENCES notice_change (id),
    lost_at   TIMESTAMPTZ NOT NULL
);
CREATE TRIGGER notice_change_lost_append_only BEFORE UPDATE OR DELETE ON notice_change_lost
    FOR EACH ROW EXECUTE FUNCTION steward_append_only();
