-- Each published notice version is rendered in every language its site declares. A rendition keeps its language,
-- the SHA-256 of its HTML (what a consent event names as the page the person was shown) and the SHA-256 of the facts
-- it was rendered from in that language (a changed translation under a published version label is refused at start).
-- Renditions stored before this migration were rendered in the site's default language of the time, which the
-- database does not know: their language stays NULL, read as "the site's default language", and their HTML hash is
-- computed when read, so that no evidence row is rewritten.
ALTER TABLE notice_rendition
    ADD COLUMN language     TEXT,
    ADD COLUMN sha256       TEXT,
    ADD COLUMN facts_sha256 TEXT;
ALTER TABLE notice_rendition DROP CONSTRAINT notice_rendition_pkey;
CREATE UNIQUE INDEX notice_rendition_key ON notice_rendition (version_id, region, page, coalesce(language, ''));

-- The rendition of the notice a consent was given on: its language and its HTML's SHA-256 (with notice_version and
-- jurisdiction they name one stored rendition). NULL where no page of Steward's was shown (imports, the API, staff).
ALTER TABLE consent_event
    ADD COLUMN notice_language TEXT,
    ADD COLUMN notice_sha256   TEXT;
