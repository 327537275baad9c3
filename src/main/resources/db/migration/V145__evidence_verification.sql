-- Verifications of the evidence chains, started from the console, the API or the node's schedule: each runs in the
-- background and writes how many rows it has checked to its row, so that any node's console shows it, then its result
-- per chain (intact, or the first broken row and what is wrong with it). Rows name chains and sequence numbers only,
-- and the member of staff who started the verification; nothing personal.
CREATE TABLE evidence_verification (
    id uuid PRIMARY KEY,
    initiator text NOT NULL CHECK (initiator IN ('console', 'api', 'schedule')),
    started_by text,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz,
    status text NOT NULL CHECK (status IN ('running', 'finished', 'failed', 'interrupted')),
    rows_total bigint NOT NULL,
    rows_checked bigint NOT NULL DEFAULT 0,
    intact boolean,
    chains jsonb
);

CREATE INDEX evidence_verification_latest ON evidence_verification (started_at DESC, id DESC);
