package dev.steward.rights;

import dev.steward.disclosures.DisclosureHold;
import dev.steward.mail.MailHold;
import dev.steward.mail.MailKind;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.Notifications;
import dev.steward.vault.Access;
import dev.steward.vault.HeldIdentifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectErased;
import dev.steward.vault.SubjectId;
import dev.steward.vault.SubjectsErased;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Restriction of processing (GDPR Art. 18): while in force, the subject's data on the site may only be stored.
 * Consent decisions answer denied, mail is held (except the notice that the restriction will be lifted) and
 * disclosures to recipients stop. Lifting sends that notice first (seed 001 §5.5). The restricted subjects are kept in
 * memory, current on every node, because every consent decision asks ({@link RestrictedSubjects}, the decisions'
 * veto).
 */
@Service
public class Restrictions implements MailHold, DisclosureHold {

    private static final String CHANNEL = RestrictedSubjects.CHANNEL;

    private final RestrictionRepository repository;
    private final Vault vault;
    private final Identities identities;
    private final Notifications notifications;
    private final Clock clock;
    private final RestrictedSubjects restricted;

    Restrictions(
            RestrictionRepository repository,
            Vault vault,
            Identities identities,
            Notifications notifications,
            Clock clock,
            RestrictedSubjects restricted) {
        this.repository = repository;
        this.vault = vault;
        this.identities = identities;
        this.notifications = notifications;
        this.clock = clock;
        this.restricted = restricted;
    }

    @Transactional
    Restriction place(SubjectId subject, String site, String ground, @Nullable UUID request) {
        Restriction restriction = new Restriction(
                UUID.randomUUID(),
                subject,
                site,
                null,
                ground,
                request,
                clock.instant().truncatedTo(ChronoUnit.MICROS),
                null,
                null);
        repository.insert(restriction);
        changed();
        return restriction;
    }

    /** Ends a restriction; the caller has told the subject first (seed 001 §5.5). */
    @Transactional
    Restriction lift(UUID id) {
        Restriction restriction = repository
                .find(id)
                .filter(found -> found.liftedAt() == null)
                .orElseThrow(() -> new NotFoundException("There is no restriction " + id + " in force."));
        Instant now = clock.instant();
        // one request restricts every subject filed under the requester's address: they are lifted together
        repository.active().stream()
                .filter(active -> active.id().equals(restriction.id())
                        || (restriction.request() != null
                                && restriction.request().equals(active.request())))
                .forEach(active -> repository.lift(active.id(), now, now));
        changed();
        return repository.find(id).orElseThrow();
    }

    public List<Restriction> active() {
        return repository.active();
    }

    public List<Restriction> of(SubjectId subject) {
        return repository.of(subject);
    }

    public boolean restricted(SubjectId subject, String site) {
        return restricted.restricted(subject, site);
    }

    @Override
    public boolean holds(SubjectId subject, String site, MailKind kind, @Nullable String category) {
        return restricted(subject, site) && !OutgoingMail.RESTRICTION_LIFTING.equals(category);
    }

    /**
     * Asked before every disclosure. A restriction reaches what is submitted later under the restricted person's
     * address too: such a subject (unproven, so a subject of its own) is restricted in turn, under the same request,
     * so that it is lifted with the rest. Stopping processing is safe whoever typed the address; a phone number, which
     * links nobody, never carries a restriction over.
     */
    @Override
    @Transactional
    public Optional<String> holds(SubjectId subject, String site) {
        boolean held = restricted(subject, site);
        if (!held) {
            Optional<Restriction> carried = restrictedCarrierOf(subject, site);
            carried.ifPresent(found -> place(subject, site, found.ground(), found.request()));
            held = carried.isPresent();
        }
        return held
                ? Optional.of("The processing of this person's data is restricted (GDPR Art. 18).")
                : Optional.empty();
    }

    /**
     * For a bulk append: the sites with a restriction in force are read once for the batch, so that a disclosure on
     * any other site (nearly all of them: few people are restricted) needs no query; on those sites each disclosure
     * is asked as {@link #holds} asks it, restrictions carried over to the address's other subjects included.
     */
    @Override
    public Look batch() {
        Set<String> restrictedSites =
                repository.active().stream().map(Restriction::site).collect(Collectors.toSet());
        return (subject, site) ->
                restricted(subject, site) || restrictedSites.contains(site) ? holds(subject, site) : Optional.empty();
    }

    private Optional<Restriction> restrictedCarrierOf(SubjectId subject, String site) {
        List<Restriction> active = repository.active().stream()
                .filter(restriction -> restriction.site().equals(site))
                .toList();
        if (active.isEmpty()) {
            return Optional.empty();
        }
        return vault.heldIdentifiers(subject, Access.system("restriction")).stream()
                .filter(HeldIdentifier::links)
                .flatMap(held -> identities.carrying(held.identifier()).stream())
                .filter(carrier -> !carrier.equals(subject))
                .flatMap(carrier -> active.stream()
                        .filter(restriction -> restriction.subject().equals(carrier)))
                .findFirst();
    }

    @EventListener
    void erased(SubjectErased event) {
        erased(List.of(event.subject()));
    }

    @EventListener
    void erased(SubjectsErased event) {
        erased(event.subjects());
    }

    /** Only a restriction deleted changes what the nodes hold: a sweep's batch of people seldom has one. */
    private void erased(List<SubjectId> subjects) {
        if (repository.deleteOf(subjects) > 0) {
            changed();
        }
    }

    /** Every node reloads when the change commits; this one at once, so the caller's next decision sees it. */
    private void changed() {
        notifications.send(CHANNEL, "changed");
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    restricted.reload();
                }
            });
        }
    }
}
