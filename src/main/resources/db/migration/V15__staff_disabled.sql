-- Administrators disable staff members rather than delete them: the audit trail goes on naming them as actors, and
-- a disabled member cannot sign in, by form, HTTP Basic or otherwise.
ALTER TABLE staff_user ADD COLUMN disabled BOOLEAN NOT NULL DEFAULT false;
