-- The retention sweep asks, for each person a batch erased records of, whether the person has a record outside the
-- batch. With the record's id in the index that question is answered from the index alone (an index-only scan that
-- stops at the person's first record the batch did not erase), rather than by a heap fetch per index entry. Replaces
-- the plain index on subject_id, which every other lookup by subject uses the same way.
CREATE INDEX personal_record_subject_id ON personal_record (subject_id) INCLUDE (id);
DROP INDEX personal_record_subject;
ALTER INDEX personal_record_subject_id RENAME TO personal_record_subject;
