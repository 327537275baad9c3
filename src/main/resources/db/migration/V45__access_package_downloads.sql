-- An access or portability package can be downloaded again and again during its validity window, through the page
-- its link opens and a six-digit code from the same e-mail (only its hash, bound to the package, is kept). Every
-- download is counted. The row outlives its content: at expiry, or when too many wrong codes lock it, the content
-- is deleted and the row keeps what staff see (released, valid until, downloads) and what the link answers.
ALTER TABLE access_package ALTER COLUMN content_enc DROP NOT NULL;
ALTER TABLE access_package ADD COLUMN code_hash          BYTEA;
ALTER TABLE access_package ADD COLUMN wrong_codes        INT NOT NULL DEFAULT 0;
ALTER TABLE access_package ADD COLUMN locked_at          TIMESTAMPTZ;
ALTER TABLE access_package ADD COLUMN downloads          INT NOT NULL DEFAULT 0;
ALTER TABLE access_package ADD COLUMN last_downloaded_at TIMESTAMPTZ;
CREATE INDEX access_package_request ON access_package (request_id);

-- Packages released before: their links were shown to staff on the request's page, so they are withdrawn (the
-- requester can ask again); rows without a code can never be downloaded.
UPDATE access_package SET content_enc = NULL, expires_at = LEAST(expires_at, now());
