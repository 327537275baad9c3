package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/**
 * Staff split a subject that had been joined through an identifier nobody proved: the records went to a subject of
 * their own, with their fields encrypted under its key. Modules that keep something of those records under the old
 * subject (a case, its replies) move it along in the same transaction.
 */
public record SubjectSplit(SubjectId from, SubjectId to, List<RecordId> records, Instant at) {

    public SubjectSplit {
        records = List.copyOf(records);
    }
}
