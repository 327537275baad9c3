package dev.steward.audit;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The append-only, hash-chained trail of every staff read or change of personal data. Nobody can edit it. */
@Service
public class AuditTrail {

    private final AuditRepository repository;
    private final AuditReasons reasons;
    private final Clock clock;

    AuditTrail(AuditRepository repository, AuditReasons reasons, Clock clock) {
        this.repository = repository;
        this.reasons = reasons;
        this.clock = clock;
    }

    /**
     * Appends the entry; joins the caller's transaction, so the entry stands or falls with the access it records. A
     * coded reason is stored with its English text too, which the API returns beside the code.
     */
    @Transactional
    public AuditRecord record(AuditEntry entry) {
        AuditEntry stored = entry.reasonCode() == null
                ? entry
                : new AuditEntry(
                        entry.actor(),
                        entry.action(),
                        entry.subject(),
                        entry.site(),
                        entry.fields(),
                        reasons.text(entry.reasonCode(), entry.reasonArgs(), Locale.ENGLISH),
                        entry.reasonCode(),
                        entry.reasonArgs());
        return repository.append(stored, clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * A page of entries, newest first, and the entry to go on from ({@code older}, empty at the trail's start).
     * {@code older} is a position in the trail, so entries appended while someone pages never shift a page.
     */
    public record Page(List<AuditRecord> entries, @Nullable Long older) {}

    /**
     * Staff read the subject's entries (or all) on the given sites, before the position {@code before} (or from the
     * newest); no sites means every site's and those of no particular site, which may concern any site.
     */
    public Page read(@Nullable UUID subject, @Nullable Long before, int limit, Set<String> sites) {
        List<AuditRecord> entries = repository.page(subject, before, limit + 1, sites);
        if (entries.size() <= limit) {
            return new Page(entries, null);
        }
        List<AuditRecord> shown = entries.subList(0, limit);
        return new Page(List.copyOf(shown), shown.get(limit - 1).seq());
    }
}
