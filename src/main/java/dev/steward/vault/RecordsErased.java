package dev.steward.vault;

import java.time.Instant;
import java.util.List;

/** Some of a subject's records were erased (one activity's, or those a retention sweep found due). */
public record RecordsErased(SubjectId subject, List<RecordId> records, Instant erasedAt, String reason) {}
