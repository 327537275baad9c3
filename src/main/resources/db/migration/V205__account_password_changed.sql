-- When an account's password was last reset: a visitor signed in before that is signed in no more, since the reset
-- may be the owner's answer to someone who had the old password (attack20). NULL: never reset since this column came.
ALTER TABLE account ADD COLUMN password_changed_at TIMESTAMPTZ;
