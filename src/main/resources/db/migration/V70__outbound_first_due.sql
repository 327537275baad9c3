-- When an outbound item was first due: its due time moves with every retry, so only this tells how long the oldest
-- undelivered item has waited (the backlog age in the metrics). Items already queued count from their current due time.
ALTER TABLE outbound_item ADD COLUMN first_due_at TIMESTAMPTZ;
UPDATE outbound_item SET first_due_at = due_at;
ALTER TABLE outbound_item ALTER COLUMN first_due_at SET NOT NULL;
