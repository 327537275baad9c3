package dev.steward.accounts;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Form;
import dev.steward.catalog.LocalizedText.Shown;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The account page's opt-in boxes, one per direct-marketing purpose of the site, worded as the site's forms word them
 * (seed 002: "Sign Up & Save! …"). Ticking a box gives consent, unticking withdraws it; withdrawing stops marketing
 * mail only, never replies to the person's own requests or operational mail (the mail module decides by kind).
 */
@Service
class MarketingPreferences {

    private final Catalogs catalogs;
    private final ConsentLedger ledger;
    private final AccountReach reach;
    private final Clock clock;
    private final AccountWords words;

    MarketingPreferences(Catalogs catalogs, ConsentLedger ledger, AccountReach reach, Clock clock, AccountWords words) {
        this.catalogs = catalogs;
        this.ledger = ledger;
        this.reach = reach;
        this.clock = clock;
        this.words = words;
    }

    /** One box as the person sees it: ticked while a consent grants, with a note while it waits for confirmation. */
    record Preference(String purpose, Shown text, boolean ticked, boolean awaitingConfirmation) {}

    /** Where a connection comes from and in which jurisdiction, for the consent evidence. */
    record Connection(
            String jurisdiction,
            @Nullable String ipAddress,
            @Nullable String userAgent) {

        @Override
        public String toString() {
            return "Connection[jurisdiction=" + jurisdiction + "]";
        }
    }

    /** The boxes as the latest word of any subject the account reaches sets them. */
    List<Preference> of(String site, SubjectId subject) {
        Instant now = clock.instant();
        Catalog catalog = catalogs.of(site);
        String language = catalog.site(site).orElseThrow().language();
        List<SubjectId> reached = reach.of(subject);
        return marketingPurposes(catalog, site).stream()
                .map(purpose -> {
                    Optional<ConsentEvent> deciding = latest(reached, site, purpose.key(), now);
                    boolean ticked = deciding.map(event -> event.grantsAt(now)).orElse(false);
                    boolean awaiting =
                            ticked && purpose.doubleOptIn() && deciding.get().action() == ConsentAction.GIVEN;
                    return new Preference(purpose.key(), text(catalog, site, purpose, language), ticked, awaiting);
                })
                .toList();
    }

    /**
     * Records a consent given (under the account's subject) for each newly ticked box, and for each unticked one a
     * withdrawal under every subject the account reaches whose consent still grants; answers the events.
     */
    @Transactional
    List<ConsentEvent> update(String site, SubjectId subject, Set<String> ticked, Connection connection) {
        Catalog catalog = catalogs.of(site);
        List<Purpose> purposes = marketingPurposes(catalog, site);
        for (String purpose : ticked) {
            if (purposes.stream().noneMatch(declared -> declared.key().equals(purpose))) {
                throw new InvalidInputException(
                        List.of(words.refusal("purposes", "preferences", "undeclared-purpose")));
            }
        }
        List<ConsentEvent> recorded = new ArrayList<>();
        for (Preference preference : of(site, subject)) {
            boolean wanted = ticked.contains(preference.purpose());
            if (wanted == preference.ticked()) {
                continue;
            }
            List<SubjectId> deciding = wanted
                    ? List.of(subject)
                    : reach.of(subject).stream()
                            .filter(one -> granting(one, site, preference.purpose()))
                            .toList();
            ConsentAction action = wanted ? ConsentAction.GIVEN : ConsentAction.WITHDRAWN;
            for (SubjectId one : deciding) {
                recorded.add(ledger.record(
                        ConsentRequest.of(one, site, preference.purpose(), action, CollectionMethod.ACCOUNT_PAGE)
                                .withActivity(activityServing(catalog, site, preference.purpose()))
                                .withWording(preference.text().text())
                                .withJurisdiction(connection.jurisdiction())
                                .withConnection(connection.ipAddress(), connection.userAgent())));
            }
        }
        return recorded;
    }

    private Optional<ConsentEvent> latest(List<SubjectId> subjects, String site, String purpose, Instant now) {
        return subjects.stream()
                .map(one -> ledger.decidingEventAt(one, site, purpose, now))
                .flatMap(Optional::stream)
                .max(Comparator.comparingLong(ConsentEvent::seq));
    }

    private boolean granting(SubjectId subject, String site, String purpose) {
        Instant now = clock.instant();
        return ledger.decidingEventAt(subject, site, purpose, now)
                .map(event -> event.grantsAt(now))
                .orElse(false);
    }

    private static List<Purpose> marketingPurposes(Catalog catalog, String site) {
        Set<String> keys = new LinkedHashSet<>();
        catalog.activitiesOf(site).forEach(activity -> keys.addAll(activity.purposes()));
        return keys.stream()
                .map(catalog::purpose)
                .flatMap(Optional::stream)
                .filter(Purpose::directMarketing)
                .toList();
    }

    /** The box's words: those of the site's own form box for the purpose, else the purpose's name. */
    private static Shown text(Catalog catalog, String site, Purpose purpose, String language) {
        return catalog.formsOf(site).stream()
                .flatMap(form -> form.consents().stream())
                .filter(box -> box.purpose().equals(purpose.key()))
                .map(Form.ConsentBox::text)
                .findFirst()
                .orElse(purpose.name())
                .shownIn(language);
    }

    private static @Nullable String activityServing(Catalog catalog, String site, String purpose) {
        return catalog.activitiesOf(site).stream()
                .filter(activity -> activity.purposes().contains(purpose))
                .map(ProcessingActivity::key)
                .findFirst()
                .orElse(null);
    }
}
