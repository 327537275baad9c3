-- A retention sweep erases thousands of records of as many subjects in one batch. Instead of a tombstone per subject
-- it leaves one per batch and activity, naming every record and, at the same position, the subject it belonged to:
-- at a hundred thousand records a second, a chained row per subject would cost more than the erasure itself.
-- Existing rows and single-subject erasures are unchanged.
ALTER TABLE erasure_log ALTER COLUMN subject_id DROP NOT NULL;
ALTER TABLE erasure_log ADD COLUMN subject_ids UUID[];
ALTER TABLE erasure_log ADD CONSTRAINT erasure_log_one_subject_or_a_batch
    CHECK ((subject_id IS NULL) <> (subject_ids IS NULL));
ALTER TABLE erasure_log ADD CONSTRAINT erasure_log_a_subject_per_record
    CHECK (subject_ids IS NULL OR cardinality(subject_ids) = cardinality(record_ids));
