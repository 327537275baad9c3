package dev.steward.consent;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Answers integrators' question "may I use this person's data for purpose P now (or at that instant)?". Purposes that
 * rest on consent need a current consent (confirmed, where the purpose needs a double opt-in); other purposes are
 * allowed on their legal basis unless the person objected. Any {@link ProcessingVeto} (a restriction) denies.
 */
@Service
public class ConsentDecisions {

    private final Catalogs catalogs;
    private final ConsentIndex index;
    private final ConsentEventRepository events;
    private final Identities identities;
    private final List<ProcessingVeto> vetoes;
    private final Clock clock;

    ConsentDecisions(
            Catalogs catalogs,
            ConsentIndex index,
            ConsentEventRepository events,
            Identities identities,
            List<ProcessingVeto> vetoes,
            Clock clock) {
        this.catalogs = catalogs;
        this.index = index;
        this.events = events;
        this.identities = identities;
        this.vetoes = vetoes;
        this.clock = clock;
    }

    /**
     * Answers as if only the site's people existed (attack13 M1): a subject with nothing on the site (no word in the
     * ledger, no record, rights request or account there) is an unknown subject, whoever asks. WHY for every key, not
     * only those limited to sites: the question is always about one site, and an answer about someone who is not the
     * site's person is of no use to its integrator whatever the key may reach.
     *
     * @param subject a subject id, or an e-mail address: then every subject filed under it that has anything on the
     *     site counts, and the latest word of any of them decides (a withdrawal through one submission ends a consent
     *     given through another), while a restriction of any of them denies
     */
    public ConsentDecision decide(String site, String subject, String purpose, @Nullable Instant at) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        Purpose wanted = declaredPurpose(catalog, site, purpose);
        Instant instant = at != null ? at : clock.instant();
        if (at == null && !subject.contains("@")) {
            // the common question, about one subject id now: no list, no function, no optional made for it
            // whether the subject exists and has anything on the site comes with their words (one query when not
            // cached); a subject created in bulk whose rows are not committed yet has nothing on any site so far
            SubjectId id = parse(subject);
            SubjectConsents consents = index.ofKnownOn(id, site);
            return consents != null
                    ? decideNow(declared, wanted, id, canonical(subject) ? subject : null, instant, consents)
                    : decide(declared, wanted, List.of(), one -> Optional.empty(), one -> Optional.empty(), instant);
        }
        Map<SubjectId, SubjectConsents> found =
                knownOn(resolve(subject), site, at == null ? index::ofKnownOn : index::ofKnownOnInLedger);
        if (at == null && found.size() == 1) {
            Map.Entry<SubjectId, SubjectConsents> one =
                    found.entrySet().iterator().next();
            return decideNow(declared, wanted, one.getKey(), null, instant, one.getValue());
        }
        return decide(
                declared,
                wanted,
                List.copyOf(found.keySet()),
                one -> at == null
                        ? found.get(one).latest(site, purpose)
                        : events.latestAt(one, site, purpose, instant).map(LatestConsent::of),
                one -> found.get(one).latestOn(site).map(LatestConsent::jurisdiction),
                instant);
    }

    /**
     * Decides for many people at once and for several purposes of the site, each person given as the subjects that
     * carry one e-mail address, exactly as {@link #decide} does for an address: for a campaign's messages just before
     * they go (the list's purpose and the tracking purposes). The ledger is read as of the instant, for all of them and
     * every purpose in one query, so that a consent withdrawn a moment ago counts; a person with no word on a purpose is
     * judged under the jurisdiction of their latest word on the site by the same read. Answers each purpose's
     * decisions in the people's order.
     */
    public Map<String, List<ConsentDecision>> decideEach(
            String site, List<String> purposes, List<List<SubjectId>> people, Instant at) {
        Catalog catalog = catalogs.of(site);
        Site declared = catalog.site(site).orElseThrow();
        List<Purpose> wanted = purposes.stream()
                .map(key -> declaredPurpose(catalog, site, key))
                .toList();
        List<SubjectId> all = people.stream().flatMap(List::stream).distinct().toList();
        Map<SubjectId, SubjectConsents> latest = events.latestOnSiteEach(all, site, at);
        // another site's subject carrying a person's address has no say here (attack13 M1)
        List<List<SubjectId>> known = people.stream()
                .map(person ->
                        List.copyOf(knownOn(person, site, index::ofKnownOn).keySet()))
                .toList();
        Map<String, List<ConsentDecision>> decisions = new LinkedHashMap<>();
        for (Purpose purpose : wanted) {
            decisions.put(
                    purpose.key(),
                    known.stream()
                            .map(found -> decide(
                                    declared,
                                    purpose,
                                    found,
                                    one -> latest.get(one).latest(site, purpose.key()),
                                    one -> latest.get(one).latestOn(site).map(LatestConsent::jurisdiction),
                                    at))
                            .toList());
        }
        return decisions;
    }

    private static Purpose declaredPurpose(Catalog catalog, String site, String purpose) {
        Optional<Purpose> known = catalog.purpose(purpose);
        if (known.isPresent() && catalog.declaresPurpose(site, known.get().key())) {
            return known.get();
        }
        throw new InvalidInputException(FieldError.of(
                "purpose", "undeclared-purpose", "error.common.purpose.undeclared-purpose", site, purpose));
    }

    /**
     * One existing subject, now: the subject's one entry of the consent index ({@code consents}) answers both the word
     * on the purpose and, without one, the jurisdiction of their latest word on the site; then as {@link
     * #decide(Site, Purpose, List, Function, Function, Instant)} for a list of one. {@code text} is the subject's id as
     * asked, when it is the id's canonical text: the answer carries it instead of writing the id out again.
     */
    private ConsentDecision decideNow(
            Site declared,
            Purpose wanted,
            SubjectId id,
            @Nullable String text,
            Instant instant,
            SubjectConsents consents) {
        String site = declared.key();
        LatestConsent deciding = consents.latestOrNull(site, wanted.key());
        String jurisdiction = deciding != null
                ? deciding.jurisdiction()
                : consents.jurisdictionOn(site, declared.defaultJurisdiction());
        DecisionQuestion asked = new DecisionQuestion(
                site, id, text, wanted, jurisdiction, wanted.basesIn(jurisdiction), deciding, instant);
        ConsentDecision vetoed = vetoed(asked, id);
        return vetoed != null ? vetoed : asked.answer();
    }

    /**
     * The newest word of any of the found subjects decides, but for a consent given and not confirmed where the
     * purpose needs a double opt-in and another of them confirmed it; a veto on any of them denies. Without a word on the
     * purpose, the jurisdiction of the deciding subject's latest word on the site applies, else the site's default.
     */
    private ConsentDecision decide(
            Site declared,
            Purpose wanted,
            List<SubjectId> found,
            Function<SubjectId, Optional<LatestConsent>> latestOf,
            Function<SubjectId, Optional<String>> jurisdictionOf,
            Instant instant) {
        String site = declared.key();
        if (found.isEmpty()) {
            return new DecisionQuestion(site, null, null, wanted, null, List.of(), null, instant)
                    .deny("unknown-subject", "Steward holds nothing about this subject: never collected, or erased.");
        }
        SubjectId id = found.get(0);
        List<Word> words = new ArrayList<>();
        found.forEach(one -> latestOf.apply(one).ifPresent(latest -> words.add(new Word(one, latest))));
        boolean confirmed = wanted.doubleOptIn() && words.stream().anyMatch(Word::confirmed);
        LatestConsent deciding = null;
        for (Word word : words) {
            // WHY: anyone can type an address into a form; a consent given there and never confirmed from the
            // mailbox must not set aside the subscription its owner confirmed (attack17)
            boolean unproven = confirmed && word.latest().action() == ConsentAction.GIVEN;
            if (!unproven && (deciding == null || word.latest().seq() > deciding.seq())) {
                deciding = word.latest();
                id = word.subject();
            }
        }
        String jurisdiction = deciding != null
                ? deciding.jurisdiction()
                : jurisdictionOf.apply(id).orElse(declared.defaultJurisdiction());
        DecisionQuestion asked = new DecisionQuestion(
                site, id, null, wanted, jurisdiction, wanted.basesIn(jurisdiction), deciding, instant);
        for (SubjectId one : found) {
            ConsentDecision vetoed = vetoed(asked, one);
            if (vetoed != null) {
                return vetoed;
            }
        }
        return asked.answer();
    }

    /** A subject's latest word on the purpose. */
    private record Word(SubjectId subject, LatestConsent latest) {

        /** Confirmed from the mailbox, or renewed after that. */
        boolean confirmed() {
            return latest.action() == ConsentAction.CONFIRMED || latest.action() == ConsentAction.RENEWED;
        }
    }

    /** The denial of the first veto on the subject, if any. */
    private @Nullable ConsentDecision vetoed(DecisionQuestion asked, SubjectId one) {
        for (int i = 0; i < vetoes.size(); i++) {
            Optional<ProcessingVeto.Veto> refused = vetoes.get(i)
                    .check(new ProcessingVeto.Question(
                            one, asked.site(), asked.purpose(), asked.jurisdiction(), asked.at()));
            if (refused.isPresent()) {
                return asked.deny(refused.get().reason(), refused.get().explanation());
            }
        }
        return null;
    }

    /**
     * Those of the subjects that exist (were created and not erased) and have anything on the site, with their latest
     * words, in the candidates' order: as this node's cache has them ({@link ConsentIndex#ofKnownOn}), or for a
     * question as of an instant as the ledger has them ({@link ConsentIndex#ofKnownOnInLedger}).
     */
    private static Map<SubjectId, SubjectConsents> knownOn(
            List<SubjectId> candidates, String site, BiFunction<SubjectId, String, @Nullable SubjectConsents> read) {
        Map<SubjectId, SubjectConsents> known = new LinkedHashMap<>();
        for (SubjectId one : candidates) {
            SubjectConsents consents = read.apply(one, site);
            if (consents != null) {
                known.put(one, consents);
            }
        }
        return known;
    }

    private List<SubjectId> resolve(String subject) {
        if (subject.contains("@")) {
            return identities.carrying(Identifier.email(subject));
        }
        return List.of(parse(subject));
    }

    private static SubjectId parse(String subject) {
        try {
            return SubjectId.parse(subject);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(FieldError.of("subject", "invalid", "error.consent.subject.invalid.2"));
        }
    }

    /**
     * Whether the text is a UUID as {@link java.util.UUID#toString} writes it (lower-case hex, 8-4-4-4-12), so that
     * the id parsed from it writes out as the same text.
     */
    static boolean canonical(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23
                    ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
