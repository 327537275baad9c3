-- A person is matched to a data subject only by an identifier proven to be theirs. Until now one blind index
-- pointed at one subject, so two people who typed the same phone number became one subject. From now on every
-- submission that nobody proved is a subject of its own, several subjects may carry the same identifier, and an
-- identifier records whether and how it was proven for the subject that carries it.
ALTER TABLE subject_identifier DROP CONSTRAINT subject_identifier_pkey;
ALTER TABLE subject_identifier ADD PRIMARY KEY (blind_index, subject_id);
-- links: whether the catalog lets this identifier, once proven, reach every subject that carries it (an e-mail
-- address, a user name); a phone number never does, since Steward cannot prove one.
ALTER TABLE subject_identifier ADD COLUMN links BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE subject_identifier ADD COLUMN verified_at TIMESTAMPTZ;
ALTER TABLE subject_identifier ADD COLUMN verified_by TEXT;
UPDATE subject_identifier SET links = FALSE WHERE kind = 'PHONE';

-- A double opt-in confirmed from the mailbox proved the subject's e-mail address already.
UPDATE subject_identifier i
SET verified_at = c.first_confirmed, verified_by = 'double-opt-in'
FROM (SELECT subject_id, min(occurred_at) AS first_confirmed
      FROM consent_event
      WHERE action = 'confirmed' AND NOT by_parent AND method = 'email-link'
      GROUP BY subject_id) c
WHERE i.subject_id = c.subject_id AND i.kind = 'EMAIL';

-- Subjects that hold two identifiers of one kind were joined through an identifier nobody proved (two people who
-- typed the same phone number, an address typed by someone else). Staff review them; until then no proof of one of
-- their identifiers reaches them.
ALTER TABLE data_subject ADD COLUMN review TEXT;
UPDATE data_subject s SET review = 'merged-through-unproven-identifier'
WHERE EXISTS (SELECT 1 FROM subject_identifier i
              WHERE i.subject_id = s.id
              GROUP BY i.kind HAVING count(*) > 1);
CREATE INDEX data_subject_review ON data_subject (created_at) WHERE review IS NOT NULL;

-- An account can be used only once its e-mail address is proven by a link sent to it. New registrations that nobody
-- verifies by verify_by are discarded; accounts registered before this rule have no such limit and are asked to
-- verify at their next sign-in.
ALTER TABLE account ADD COLUMN verified_at TIMESTAMPTZ;
ALTER TABLE account ADD COLUMN verify_by TIMESTAMPTZ;
CREATE INDEX account_unverified ON account (verify_by) WHERE verified_at IS NULL AND verify_by IS NOT NULL;

-- The links that verify an account's address are account tokens like those that reset a password.
ALTER TABLE account_token ADD COLUMN purpose TEXT NOT NULL DEFAULT 'reset' CHECK (purpose IN ('reset', 'verify'));

-- A rights request is counted against the address it names, not against a subject: each request's requester is a
-- subject of its own until the address is proven.
ALTER TABLE rights_request ADD COLUMN email_index BYTEA;
CREATE INDEX rights_request_email ON rights_request (email_index, status);
UPDATE rights_request r SET email_index = (
    SELECT i.blind_index FROM subject_identifier i WHERE i.subject_id = r.subject_id AND i.kind = 'EMAIL' LIMIT 1);
