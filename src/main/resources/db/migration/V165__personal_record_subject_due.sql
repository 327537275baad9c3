-- For each person a retention sweep's batch erased records of, the batch's statement (SweepRepository.sweepDue) asks
-- for the person's first record the batch did not erase. With the index in subject order only, a person's entries
-- came in heap order, the order in which the sweep claims records due at one instant, so a probe first stepped over
-- the records the batch had just deleted, a heap fetch each (their pages are not all-visible): about five per person
-- who has only due records (bench/README.md, sweep3 of 2026-12-05, afternoon). With the due time in the key, the
-- probe reads the person's entries backwards: records without a due time first, then the latest due, the last the
-- sweep would claim, so it stops at its first entry unless the batch took all of the person's records. Every other
-- lookup by subject uses the index as before.
CREATE INDEX personal_record_subject_due ON personal_record (subject_id, due_at) INCLUDE (id);
DROP INDEX personal_record_subject;
ALTER INDEX personal_record_subject_due RENAME TO personal_record_subject;
