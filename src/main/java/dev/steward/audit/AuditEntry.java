package dev.steward.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a member of staff (or Steward itself, as {@code system}) did to whose personal data. Fields are named, never
 * quoted. The reason is a ticket or case reference; it must not hold personal data itself. A reason Steward words
 * itself is a {@code reasonCode} ({@code console.audit.reason.<code>} in the console's bundles) with its arguments,
 * so that each staff member reads it in their language; the trail keeps its English text too.
 */
public record AuditEntry(
        String actor,
        String action,
        @Nullable UUID subject,
        @Nullable String site,
        List<String> fields,
        @Nullable String reason,
        @Nullable String reasonCode,
        List<String> reasonArgs) {

    public AuditEntry {
        fields = List.copyOf(fields);
        reasonArgs = List.copyOf(reasonArgs);
    }

    /** An entry whose reason is a reference or the staff member's own words, shown as given. */
    public AuditEntry(
            String actor,
            String action,
            @Nullable UUID subject,
            @Nullable String site,
            List<String> fields,
            @Nullable String reason) {
        this(actor, action, subject, site, fields, reason, null, List.of());
    }

    /**
     * An entry whose reason Steward words: the code and its arguments. An argument that names console words (keys
     * starting with {@code console.}, several separated by commas) is shown in those words.
     */
    public static AuditEntry worded(
            String actor,
            String action,
            @Nullable UUID subject,
            @Nullable String site,
            List<String> fields,
            String reasonCode,
            Object... reasonArgs) {
        return new AuditEntry(
                actor,
                action,
                subject,
                site,
                fields,
                null,
                reasonCode,
                java.util.Arrays.stream(reasonArgs).map(String::valueOf).toList());
    }
}
