package dev.steward.disclosures;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Recipient;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The disclosure log: every time a subject's data goes to a recipient, as evidence. It answers whom the subject's
 * data was disclosed to, for the subject who asks and for telling those recipients of a rectification, erasure or
 * restriction (GDPR Art. 19). Only disclosures the catalog declares can be recorded.
 */
@Service
public class Disclosures {

    private final DisclosureRules rules;
    private final DisclosureRepository repository;
    private final Catalogs catalogs;
    private final ApplicationEventPublisher events;
    private final List<DisclosureHold> holds;
    private final Clock clock;

    Disclosures(
            DisclosureRules rules,
            DisclosureRepository repository,
            Catalogs catalogs,
            ApplicationEventPublisher events,
            List<DisclosureHold> holds,
            Clock clock) {
        this.rules = rules;
        this.repository = repository;
        this.catalogs = catalogs;
        this.events = events;
        this.holds = holds;
        this.clock = clock;
    }

    /** Appends the disclosure; refuses, recording nothing, one the catalog does not declare. */
    @Transactional
    public Disclosure record(NewDisclosure disclosure) {
        checkAllowed(
                disclosure,
                holds.stream().<DisclosureHold.Look>map(hold -> hold::holds).toList());
        Disclosure stored = repository.append(fresh(disclosure, clock.instant().truncatedTo(ChronoUnit.MICROS)));
        events.publishEvent(new DataDisclosed(
                stored.id(),
                stored.subject(),
                stored.site(),
                stored.recipient(),
                stored.activity(),
                stored.categories(),
                stored.disclosedAt()));
        return stored;
    }

    /**
     * Appends many disclosures at once (the benchmark's data generator, imports), by COPY in the caller's transaction,
     * with the same checks as {@link #record}; the first one refused fails them all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public List<Disclosure> recordAll(List<NewDisclosure> disclosures) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // each hold looks up once for the batch what it would otherwise query per disclosure
        List<DisclosureHold.Look> looks =
                holds.stream().map(DisclosureHold::batch).toList();
        List<Disclosure> checked = disclosures.stream()
                .map(disclosure -> {
                    checkAllowed(disclosure, looks);
                    return fresh(disclosure, now);
                })
                .toList();
        return repository.appendAll(checked);
    }

    /** Whether a hold (a restriction of processing) stops disclosures of the subject's data on the site now. */
    public boolean stopped(SubjectId subject, String site) {
        return holds.stream().anyMatch(hold -> hold.holds(subject, site).isPresent());
    }

    /** The subject's disclosures, oldest first. */
    public List<Disclosure> of(SubjectId subject) {
        return repository.of(subject);
    }

    /** The distinct recipients of the subject's data, in the order they first received it. */
    public List<DisclosedRecipient> recipientsOf(SubjectId subject) {
        Map<String, List<Disclosure>> byRecipient = new LinkedHashMap<>();
        for (Disclosure disclosure : repository.of(subject)) {
            byRecipient
                    .computeIfAbsent(disclosure.site() + '\u0000' + disclosure.recipient(), key -> new ArrayList<>())
                    .add(disclosure);
        }
        return byRecipient.values().stream().map(this::recipient).toList();
    }

    private void checkAllowed(NewDisclosure disclosure, List<DisclosureHold.Look> looks) {
        rules.check(disclosure);
        for (DisclosureHold.Look look : looks) {
            look.holds(disclosure.subject(), disclosure.site()).ifPresent(reason -> {
                throw new DisclosureStoppedException(reason);
            });
        }
    }

    private static Disclosure fresh(NewDisclosure disclosure, Instant at) {
        return new Disclosure(
                0,
                UUID.randomUUID(),
                disclosure.subject(),
                disclosure.site(),
                disclosure.recipient(),
                disclosure.activity(),
                List.copyOf(new LinkedHashSet<>(disclosure.categories())),
                disclosure.record(),
                disclosure.legalBasis(),
                disclosure.reason(),
                at);
    }

    private DisclosedRecipient recipient(List<Disclosure> disclosures) {
        Disclosure first = disclosures.get(0);
        Disclosure last = disclosures.get(disclosures.size() - 1);
        Set<String> categories = new LinkedHashSet<>();
        disclosures.forEach(disclosure -> categories.addAll(disclosure.categories()));
        Optional<Recipient> declared = catalogs.site(first.site())
                .flatMap(site -> catalogs.of(site.key()).recipient(first.recipient()));
        return new DisclosedRecipient(
                first.site(),
                first.recipient(),
                declared.map(recipient -> recipient.name().toString()).orElse(first.recipient()),
                declared.map(Recipient::country).orElse(null),
                List.copyOf(categories),
                disclosures.size(),
                first.disclosedAt(),
                last.disclosedAt());
    }
}
