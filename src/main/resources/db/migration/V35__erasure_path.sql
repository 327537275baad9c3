-- An erasure that also put the person's identifiers on the suppression list (an erasure request) says so in its
-- tombstone, so that a replay after a restore suppresses them again. Existing tombstones did not.
ALTER TABLE erasure_log ADD COLUMN suppressed BOOLEAN NOT NULL DEFAULT false;

-- A person's answered rights requests outlive their erasure as evidence that they were answered (and an erasure
-- request's notices to recipients must still go out), but no longer name the person: erasure clears the subject.
ALTER TABLE rights_request ALTER COLUMN subject_id DROP NOT NULL;
ALTER TABLE recipient_notice ALTER COLUMN subject_id DROP NOT NULL;
CREATE INDEX recipient_notice_subject ON recipient_notice (subject_id);
CREATE INDEX access_package_subject ON access_package (subject_id);
