package dev.steward.vault;

/** Where a personal record stands. */
public enum RecordState {
    /** In use for its activity's purposes. */
    ACTIVE,
    /** Submitted by a child and held, unprocessed, until a parent confirms. */
    AWAITING_PARENT,
    /** Its purpose is done (a case closed, a subscription ended); it waits only for its retention time. */
    CLOSED
}
