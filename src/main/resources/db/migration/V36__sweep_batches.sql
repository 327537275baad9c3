-- What each committed batch of a retention sweep did, written in the batch's own transaction. The run's deletion
-- certificate is assembled from its batches and deletes them in the transaction that appends it, so each batch is in
-- exactly one certificate; a run killed mid-way leaves its batches, which the next sweep or start certifies as an
-- interrupted run. Counts, catalog keys and tombstone ids only, nothing personal.
CREATE TABLE sweep_batch (
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id         UUID        NOT NULL,
    initiator      TEXT        NOT NULL,
    swept_until    TIMESTAMPTZ NOT NULL,
    run_started_at TIMESTAMPTZ NOT NULL,
    committed_at   TIMESTAMPTZ NOT NULL,
    record_batch   BOOLEAN     NOT NULL,
    records_erased BIGINT      NOT NULL,
    records_kept   BIGINT      NOT NULL,
    by_activity    TEXT        NOT NULL,
    by_category    TEXT        NOT NULL,
    other_data     TEXT        NOT NULL,
    due_from       TIMESTAMPTZ,
    due_to         TIMESTAMPTZ,
    tombstone_ids  UUID[]      NOT NULL
);
CREATE INDEX sweep_batch_run ON sweep_batch (run_id);

-- A certificate built from committed batches names its run, whether the run died before it could certify itself,
-- and the erasure log's tombstones naming every record it covers. Certificates issued before have none of these.
ALTER TABLE deletion_certificate ADD COLUMN run_id UUID;
ALTER TABLE deletion_certificate ADD COLUMN interrupted BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE deletion_certificate ADD COLUMN tombstone_ids UUID[];
CREATE INDEX deletion_certificate_run ON deletion_certificate (run_id);
