-- Whether the attempt of a leased item has started: set just before the item goes out (in windows of a few dozen, in a
-- statement of its own, committed first), cleared when the item is claimed again. A lease that ends with the mark set
-- belongs to a node that died while the item may have gone out: only then is the attempt counted as interrupted (the
-- second such interruption gives the item up). An item claimed but not started when its node died (the rest of a
-- chunk, a chunk claimed ahead) comes back as untried work. No index covers the column, so setting it keeps the row's
-- update in place (HOT). Items leased at the upgrade are counted as their attempt had started, as before.
ALTER TABLE outbound_item ADD COLUMN started BOOLEAN NOT NULL DEFAULT false;
UPDATE outbound_item SET started = true WHERE lease_id IS NOT NULL;
