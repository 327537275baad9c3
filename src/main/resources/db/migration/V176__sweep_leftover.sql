-- The people a retention sweep's batch erased records of, one row a batch, written by the batch's own statement in its
-- transaction (SweepRepository.sweepDue). Whether each of them is left without any record is asked once, after a
-- worker's last batch (SweepRepository.takeLeftovers), rather than by every batch: a person whose records span eleven
-- batches was probed eleven times, and the probes were a sixth of a sweep's database time (bench/README.md, sweep15,
-- sweep16). A row outlives its batch only until that look, which deletes it in the transaction that erases the people:
-- a run killed between its batches and that look leaves its rows here, and the next run's look takes them.
-- share and shares are the batch's worker share (SweepErasure.Share), so that each worker looks at its own people;
-- size is the number of subjects, so that one look takes a bounded number of them.
CREATE TABLE sweep_leftover (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    share int NOT NULL,
    shares int NOT NULL,
    size int NOT NULL,
    subjects uuid[] NOT NULL
);
