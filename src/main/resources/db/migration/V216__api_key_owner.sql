-- Every API key follows the member of staff who stands behind it (attack22): the member who made it, or, for a key a
-- staff key made, that key's member. Disabling the member, or taking away what the key needs, revokes it; revoking a
-- key revokes the keys it made. Integrator and metrics keys used to stay when their maker left, so a departed
-- administrator kept a key that records consents for everyone on its sites.
ALTER TABLE api_key ADD COLUMN owner TEXT;
ALTER TABLE api_key ADD COLUMN made_by_key UUID REFERENCES api_key (id);

UPDATE api_key SET owner = created_by WHERE created_by NOT LIKE 'api-key:%';

-- an integrator or metrics key a key made names that key only by its name; followed where the name is one staff
-- key's (a staff key a key made keeps no owner: each start revokes it, as before)
UPDATE api_key made
   SET made_by_key = maker.id, owner = maker.owner
  FROM api_key maker
 WHERE made.created_by = 'api-key:' || maker.name
   AND made.kind <> 'staff'
   AND maker.kind = 'staff'
   AND (SELECT count(*) FROM api_key same WHERE same.kind = 'staff' AND same.name = maker.name) = 1;
