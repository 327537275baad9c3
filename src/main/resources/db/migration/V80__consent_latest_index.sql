-- The latest event of each (subject, site, purpose) in one index-only scan: the consent decision reads a subject's
-- latest words from here (through a bounded cache) instead of holding the whole ledger's in memory. It serves every
-- query the index it replaces served (all of them start with the subject), and orders them as decisions do.
CREATE INDEX consent_event_latest ON consent_event (subject_id, site, purpose, occurred_at DESC, seq DESC)
    INCLUDE (id, action, notice_version, jurisdiction, expires_at);
DROP INDEX consent_event_subject;
