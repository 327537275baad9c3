-- A retention sweep's tombstone names every record of its batch and, at the same position, its subject: two uuid[] of
-- up to 20,000 ids (320 KB each). PostgreSQL tried to compress each before moving it out of line, and the ids do not
-- compress enough: both arrays were stored at their full size anyway, after about 11 ms of pglz per tombstone, spent
-- while the batch holds the erasure chain's head and the other sweep worker waits for it (bench/README.md, sweep2 of
-- 2026-12-05). EXTERNAL stores them out of line as they are, without the attempt. Rows already written keep their form.
ALTER TABLE erasure_log ALTER COLUMN record_ids SET STORAGE EXTERNAL;
ALTER TABLE erasure_log ALTER COLUMN subject_ids SET STORAGE EXTERNAL;
