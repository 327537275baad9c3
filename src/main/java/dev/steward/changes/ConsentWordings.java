package dev.steward.changes;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Which consents a change asks a person to give again, and in what words: a purpose that rests on consent in the
 * person's jurisdiction, of an activity whose scope or wording changed, to which their consent is still given. The
 * wording is the consent text of the activity as the catalog now states it.
 */
@Component
class ConsentWordings {

    /** A consent to ask again: the purpose, the activity whose consent text is its wording. */
    record Reconsent(String purpose, String activity) {}

    private final Catalogs catalogs;
    private final ConsentLedger ledger;

    ConsentWordings(Catalogs catalogs, ConsentLedger ledger) {
        this.catalogs = catalogs;
        this.ledger = ledger;
    }

    List<Reconsent> toAsk(
            Site site, SubjectId subject, List<RecordSummary> records, Set<String> consentActivities, Instant now) {
        Catalog catalog = catalogs.of(site.key());
        Map<String, Reconsent> asked = new LinkedHashMap<>();
        for (RecordSummary record : records) {
            if (!consentActivities.contains(record.activity())) {
                continue;
            }
            Optional<ProcessingActivity> activity = catalog.activity(record.activity());
            if (activity.isEmpty() || activity.get().consent() == null) {
                continue;
            }
            for (String purpose : activity.get().purposes()) {
                if (restsOnConsent(catalog, purpose, record.jurisdiction())
                        && stillGiven(subject, site.key(), purpose, now)) {
                    asked.putIfAbsent(purpose, new Reconsent(purpose, record.activity()));
                }
            }
        }
        return List.copyOf(asked.values());
    }

    /**
     * The consents asked of several subjects of one address, as one mail or page asks them: each purpose once per
     * wording, in the order first asked, named in the reader's language.
     */
    List<ChangeMails.Asked> shown(Site site, List<Reconsent> asked, String language) {
        Map<String, ChangeMails.Asked> shown = new LinkedHashMap<>();
        for (Reconsent one : asked) {
            String wording = wording(site, one);
            shown.putIfAbsent(
                    one.purpose() + "\n" + wording,
                    new ChangeMails.Asked(purposeName(site, one.purpose(), language), wording));
        }
        return List.copyOf(shown.values());
    }

    /** The wording a person agrees to for the purpose, through the activity, in the site's language. */
    String wording(Site site, Reconsent reconsent) {
        return catalogs.of(site.key())
                .activity(reconsent.activity())
                .map(ProcessingActivity::consent)
                .map(consent -> consent.text().in(site.language()))
                .orElseThrow(() -> new IllegalStateException("activity no longer asks for consent"));
    }

    /**
     * The purpose's name in the reader's language where the catalog has it, else in the site's default, with the
     * language it is written in where that is not the reader's (a page marks it).
     */
    LocalizedText.Shown purposeName(Site site, String purpose, String language) {
        return catalogs.of(site.key())
                .purpose(purpose)
                .map(found -> found.name().shownIn(language, site.language()))
                .orElseGet(() -> new LocalizedText.Shown(purpose, null));
    }

    private static boolean restsOnConsent(Catalog catalog, String purpose, String jurisdiction) {
        return catalog.purpose(purpose)
                .map((Purpose found) -> found.basesIn(jurisdiction).stream().anyMatch(LegalBasis::isConsent))
                .orElse(false);
    }

    boolean stillGiven(SubjectId subject, String site, String purpose, Instant now) {
        return ledger.decidingEventAt(subject, site, purpose, now)
                .filter((ConsentEvent event) -> event.grantsAt(now))
                .isPresent();
    }
}
