-- The language the requester read the site in when asking: the mails staff actions send later (more time, refusal,
-- fee, answer) are written in it, not in the staff member's. Requests made before have none and get the site's own.
ALTER TABLE rights_request ADD COLUMN language text;
