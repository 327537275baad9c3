-- Cookie scans started from the console, the API or a schedule: progress while one runs, the report when it is done.
-- A report holds cookie names, storage keys, hosts and page addresses without their queries; never a cookie's value.
CREATE TABLE cookie_scan (
    id uuid PRIMARY KEY,
    site text NOT NULL,
    jurisdiction text NOT NULL,
    page_limit int NOT NULL,
    started_by text NOT NULL,
    started_at timestamptz NOT NULL,
    status text NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
    step text NOT NULL,
    pages_done int NOT NULL DEFAULT 0,
    pages_planned int NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz,
    violations int,
    warnings int,
    report jsonb,
    failure text
);
CREATE INDEX cookie_scan_site ON cookie_scan (site, started_at DESC);
-- one scan of a site at a time, across the nodes
CREATE UNIQUE INDEX cookie_scan_one_running ON cookie_scan (site) WHERE status = 'running';

-- A site's scan schedule: how often, how many pages, as a visitor of which jurisdiction, and when the next one is due.
-- The node that moves next_run_at on first runs the scan.
CREATE TABLE cookie_scan_schedule (
    site text PRIMARY KEY,
    every text NOT NULL CHECK (every IN ('P1D', 'P7D', 'P1M')),
    page_limit int NOT NULL,
    jurisdiction text NOT NULL,
    next_run_at timestamptz NOT NULL,
    updated_by text NOT NULL,
    updated_at timestamptz NOT NULL
);
