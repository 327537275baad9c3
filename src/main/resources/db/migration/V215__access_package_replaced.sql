-- Wrong codes at a package's link no longer delete the package (attack21): the link is locked and its content moves
-- to a new row whose link and code go to the requester's verified address. The locked row names its successor here,
-- so its link's page and staff can tell "locked, and a new link was mailed" from the older "locked and deleted".
ALTER TABLE access_package ADD COLUMN replaced_by UUID;
