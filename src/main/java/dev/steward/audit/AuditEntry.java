package dev.steward.audit;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What a member of staff (or Steward itself, as {@code system}) did to whose personal data. Fields are named, never
 * quoted. The reason is a ticket or case reference; it must not hold personal data itself.
 */
public record AuditEntry(
        String actor,
        String action,
        @Nullable UUID subject,
        @Nullable String site,
        List<String> fields,
        @Nullable String reason) {

    public AuditEntry {
        fields = List.copyOf(fields);
    }
}
