-- A notice change tells an address once (README, Notice changes): every subject of the address that the change
-- concerns is still recorded as told in a row of its own, in the transaction that queues the address's one mail, and
-- the rows of that mail share its mail id and, where it asks for consent again, its link's token hash. The hash
-- therefore stops being unique; one press of the link marks every row of the mail at once.
ALTER TABLE notice_change_recipient DROP CONSTRAINT notice_change_recipient_token_hash_key;
CREATE INDEX notice_change_recipient_token ON notice_change_recipient (token_hash) WHERE token_hash IS NOT NULL;
