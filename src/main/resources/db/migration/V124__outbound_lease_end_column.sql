-- A claim no longer moves due_at to the lease's end: the lease's end has a column of its own, which no index covers,
-- so that claiming an item changes no indexed column and PostgreSQL can update the row in place (a HOT update)
-- instead of adding an entry to both of the queue's indexes per item claimed. An item is claimable when it is due and
-- its lease, if any, has ended. Items leased at the upgrade keep their lease's end, which was their due_at.
ALTER TABLE outbound_item ADD COLUMN leased_until TIMESTAMPTZ;
UPDATE outbound_item SET leased_until = due_at WHERE lease_id IS NOT NULL;
-- A claim's new row version (the lease, the node, the lease's end: some 60 bytes more) must fit on the row's own page
-- for the update to be HOT: the queue's pages are filled to a third when items are queued.
ALTER TABLE outbound_item SET (fillfactor = 35);
