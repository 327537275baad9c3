-- The retention sweep claims due records oldest first, and asks, for each person a batch erased records of, whether
-- the person has any record left (one index probe each, half of the batch's statement). Among records due at the same
-- instant (a person's several records collected together, or kept for one period after one event) the old index left
-- them in physical order, so a person's records were spread over every batch and the person probed in each. With the
-- subject as the second key a batch takes each person's records due at one instant together, and probes each person
-- once, or twice at the batch's edge. Every other look-up by due time reads the range of the first key as before.
CREATE INDEX personal_record_due_subject ON personal_record (due_at, subject_id) WHERE due_at IS NOT NULL;
DROP INDEX personal_record_due;
ALTER INDEX personal_record_due_subject RENAME TO personal_record_due;
