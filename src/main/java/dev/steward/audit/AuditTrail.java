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

    private static final int RECENT = 200;

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
     * The subject's entries on the given sites; no sites means every site's and those of no particular site, which
     * may concern any site.
     */
    public List<AuditRecord> forSubject(UUID subject, Set<String> sites) {
        return repository.forSubject(subject, sites);
    }

    /** The latest entries on the given sites, newest first; no sites as for {@link #forSubject}. */
    public List<AuditRecord> recent(int limit, Set<String> sites) {
        return repository.recent(limit, sites);
    }

    /** What staff read: the subject's entries when one is named, else the latest {@value #RECENT}. */
    public List<AuditRecord> read(@Nullable UUID subject, Set<String> sites) {
        return subject == null ? recent(RECENT, sites) : forSubject(subject, sites);
    }
}
