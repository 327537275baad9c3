-- Steward's own request log (seed 001 §3.1): for each request to a site, what the site's log activity declares
-- (browser, device, operating system, time, country, city, language, referring host). No link to any data subject
-- or record. The full IP address is never stored: during the visitor's session only keyed hashes of it (ip_key for
-- rate limiting, session_key for telling visits apart, the key wrapped by the master key), and from the start its
-- /24 or /48 network in clear. When the session ends the retention sweep drops both hashes.
CREATE TABLE request_log (
    id               BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    site             TEXT        NOT NULL,
    at               TIMESTAMPTZ NOT NULL,
    ip_truncated     TEXT,
    ip_key           BYTEA,
    session_key      BYTEA,
    browser          TEXT,
    browser_version  TEXT,
    device           TEXT,
    operating_system TEXT,
    country          TEXT,
    city             TEXT,
    language         TEXT,
    referrer_host    TEXT,
    visit_start      BOOLEAN     NOT NULL,
    CHECK (session_key IS NOT NULL OR ip_key IS NULL)
);
CREATE INDEX request_log_session ON request_log (session_key) WHERE session_key IS NOT NULL;
CREATE INDEX request_log_ip ON request_log (ip_key, at) WHERE ip_key IS NOT NULL;
CREATE INDEX request_log_site_at ON request_log (site, at);

-- Live sessions: a visitor (IP address and browser, as a keyed hash) on a site, until they have been idle for the
-- session window. The sweep ends idle sessions and, with them, the full IP address in the log.
CREATE TABLE request_session (
    session_key BYTEA PRIMARY KEY,
    site        TEXT        NOT NULL,
    started_at  TIMESTAMPTZ NOT NULL,
    last_seen   TIMESTAMPTZ NOT NULL
);
CREATE INDEX request_session_idle ON request_session (last_seen);
