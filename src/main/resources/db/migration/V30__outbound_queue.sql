-- The queue of every outbound job (mail, recipient webhooks, portability transfers): which item is due when, how
-- often it was tried, and which node holds it. A node claims due items by setting a lease (lease_id, leased_by) and
-- moving due_at to the lease's end; it sends with no transaction open and records the outcome in another. A lease
-- still set when due_at has passed belongs to a node that stopped mid-attempt: the next claim counts that attempt as
-- interrupted, retries it once, and gives the item up after a second interruption. Items are the jobs' own ids;
-- nothing personal is kept here.
CREATE TABLE outbound_item (
    job         TEXT        NOT NULL,
    item        UUID        NOT NULL,
    due_at      TIMESTAMPTZ NOT NULL,
    attempts    INT         NOT NULL DEFAULT 0,
    interrupted INT         NOT NULL DEFAULT 0,
    lease_id    UUID,
    leased_by   TEXT,
    PRIMARY KEY (job, item)
);
CREATE INDEX outbound_item_due ON outbound_item (job, due_at);

-- Mail waiting or held, and webhooks still to send, move to the queue with their attempts so far.
INSERT INTO outbound_item (job, item, due_at, attempts)
SELECT 'mail', id, COALESCE(next_attempt_at, created_at), attempts FROM mail_message WHERE status IN ('queued', 'held');
INSERT INTO outbound_item (job, item, due_at, attempts)
SELECT 'recipient-webhook', id, COALESCE(next_attempt_at, created_at), attempts FROM recipient_notice
WHERE channel = 'webhook' AND status = 'pending';

DROP INDEX mail_message_due;

-- Each message's Message-ID, generated when it is queued and sent unchanged with every attempt, so that a receiver
-- can tell a message sent again after a crash from a new one. Messages queued before have their id in the default
-- sender's domain.
ALTER TABLE mail_message ADD COLUMN message_id TEXT;
UPDATE mail_message SET message_id = '<' || id || '@localhost>';
ALTER TABLE mail_message ALTER COLUMN message_id SET NOT NULL;
