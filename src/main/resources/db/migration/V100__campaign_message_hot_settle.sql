-- Settling a sent message changes its status. While an index covered status, each of a campaign's settles was a
-- non-HOT update: a new row version on another page and a new entry in all five of the table's indexes, per message.
-- The unique (campaign_id, email_index) index finds a campaign's messages as well; counting them by status and
-- looking for one still waiting read the campaign's rows either way. Half of each page is left free, so that the
-- new versions of a chunk's 200 messages settled in one statement fit on their own pages.
DROP INDEX campaign_message_status;
ALTER TABLE campaign_message SET (fillfactor = 50);
