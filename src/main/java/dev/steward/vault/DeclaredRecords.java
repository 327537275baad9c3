package dev.steward.vault;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.RetentionRule;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** The catalog's say over a record before it is stored: what it may hold, and when it falls due. */
@Component
class DeclaredRecords {

    private final Catalogs catalogs;

    DeclaredRecords(Catalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** The record's activity; refuses fields or a retention rule the catalog does not declare for it. */
    ProcessingActivity requireDeclared(NewRecord record) {
        ProcessingActivity activity = catalogs.of(record.site())
                .activity(record.activity())
                .orElseThrow(() -> new UndeclaredDataException("Activity '" + record.activity()
                        + "' is not declared in the catalog of site '" + record.site() + "'"));
        for (String field : record.fields().keySet()) {
            if (!activity.collects(field)) {
                throw new UndeclaredDataException("Activity '" + activity.key() + "' does not declare field '" + field
                        + "'; Steward stores only what the catalog declares");
            }
        }
        if (!record.retentionRule().equals(activity.retention())) {
            throw new UndeclaredDataException(
                    "Activity '" + activity.key() + "' keeps its records under retention rule '" + activity.retention()
                            + "', not '" + record.retentionRule() + "'");
        }
        return activity;
    }

    /**
     * A record kept for a fixed period from collection is due from the moment it is stored; for event-based rules
     * (a case closed, an unsubscription) the due time is set when the event happens.
     */
    NewRecord withDueTime(NewRecord record, ProcessingActivity activity, Instant now) {
        RetentionRule rule =
                catalogs.of(record.site()).retentionRule(activity.retention()).orElseThrow();
        if (record.dueAt() != null || rule.rule().trigger() != RetentionRule.Trigger.COLLECTED) {
            return record;
        }
        return new NewRecord(
                record.site(),
                record.activity(),
                record.noticeVersion(),
                record.legalBasis(),
                record.jurisdiction(),
                record.retentionRule(),
                rule.rule().span().addTo(now),
                record.state(),
                record.fields());
    }
}
