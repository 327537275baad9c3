-- The requests waiting for an address's confirmation are counted per mailbox (attack22): the blind index of the
-- address without its subaddress (+tag) and with its domain in IDNA's ASCII form, so that ann+1@…, ann+2@… and the two
-- spellings of an internationalised domain share the three requests that may wait. Rows filed before count by their
-- own address: they wait a day at most.
ALTER TABLE rights_request ADD COLUMN mailbox_index BYTEA;
UPDATE rights_request SET mailbox_index = email_index WHERE status IN ('awaiting-verification', 'expired');
CREATE INDEX rights_request_mailbox ON rights_request (mailbox_index, status) WHERE mailbox_index IS NOT NULL;
