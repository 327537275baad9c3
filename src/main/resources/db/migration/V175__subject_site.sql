-- The sites a data subject has something on besides consent events (which the consent ledger's covering index
-- answers by itself): a record, a rights request, an account. A site's integrator is answered as if only that site's
-- people existed (attack13 M1), and a consent decision learns it from this table in the statement that reads the
-- subject's latest words: one more index probe, no second round trip. Owned by the vault, like data_subject; rows go
-- when the subject is erased (VaultRepository), and stay while some of the subject's data does (a site's records erased
-- by retention leave the consent events of that site, which keep the subject known there anyway).
--
-- WHY triggers: every path that first writes a subject's data on a site (forms, accounts, rights requests, bulk loads by
-- COPY, staff splitting a subject's records) fills the table in its own transaction, without a path to forget. They
-- run once per statement over its new rows, so a COPY of a million records pays one set-wise insert, not a million.
CREATE TABLE subject_site (
    subject_id UUID NOT NULL,
    site       TEXT NOT NULL
);

INSERT INTO subject_site (subject_id, site)
SELECT subject_id, site FROM personal_record
UNION
SELECT subject_id, site FROM rights_request
 WHERE subject_id IS NOT NULL AND subject_id IN (SELECT id FROM data_subject)
UNION
SELECT subject_id, site FROM account
 WHERE subject_id IN (SELECT id FROM data_subject);

ALTER TABLE subject_site ADD PRIMARY KEY (subject_id, site);

-- A subject that comes onto a site is announced on steward_subject_site, so that every node drops its cached answer
-- that the subject is not known there: the ids, or nothing (drop every entry) for more than 100 at once (a bulk load),
-- which keeps the payload under PostgreSQL's 8,000 bytes. Sent at commit, as the consent ledger's notifications.
CREATE FUNCTION steward_subject_site_added() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    came UUID[];
BEGIN
    -- the insert runs to its end whatever the outer query reads of it
    WITH inserted AS (
        INSERT INTO subject_site (subject_id, site)
        SELECT DISTINCT subject_id, site FROM added WHERE subject_id IS NOT NULL
        ON CONFLICT DO NOTHING
        RETURNING subject_id)
    SELECT array_agg(subject_id) INTO came FROM (SELECT subject_id FROM inserted LIMIT 101) head;
    IF came IS NOT NULL THEN
        PERFORM pg_notify('steward_subject_site',
            CASE WHEN cardinality(came) > 100 THEN '' ELSE array_to_string(came, ',') END);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER personal_record_subject_site AFTER INSERT ON personal_record
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION steward_subject_site_added();
CREATE TRIGGER rights_request_subject_site AFTER INSERT ON rights_request
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION steward_subject_site_added();
CREATE TRIGGER account_subject_site AFTER INSERT ON account
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION steward_subject_site_added();

-- A record given to another subject (staff splitting a subject on People to review) makes that subject known on the
-- record's site. Row by row: it is rare, and a statement trigger with a transition table would run on every update of
-- the table (the retention sweep's), which may not name columns.
CREATE FUNCTION steward_subject_site_moved() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    inserted INT;
BEGIN
    INSERT INTO subject_site (subject_id, site) VALUES (NEW.subject_id, NEW.site) ON CONFLICT DO NOTHING;
    GET DIAGNOSTICS inserted = ROW_COUNT;
    IF inserted > 0 THEN
        PERFORM pg_notify('steward_subject_site', NEW.subject_id::text);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER personal_record_subject_site_moved AFTER UPDATE OF subject_id ON personal_record
    FOR EACH ROW WHEN (OLD.subject_id IS DISTINCT FROM NEW.subject_id)
    EXECUTE FUNCTION steward_subject_site_moved();
