package dev.steward.cookies;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.cookies.BannerView.CategoryView;
import dev.steward.cookies.CookieChoiceRepository.StoredChoice;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a banner choice as evidence: one ledger event per category (given or withdrawn, method {@code banner}) with
 * the notice version, the SHA-256 of the banner's exact wording and the connection evidence the site's catalog allows,
 * each with its signed receipt; and one row for the counts and the visitor's receipt page. A signed-in visitor's choice
 * is recorded under their own subject, anyone else's under their browser's pseudonym.
 */
@Service
class CookieChoices {

    private final ConsentLedger ledger;
    private final VisitorPseudonyms pseudonyms;
    private final CookieChoiceRepository choices;
    private final Clock clock;

    CookieChoices(ConsentLedger ledger, VisitorPseudonyms pseudonyms, CookieChoiceRepository choices, Clock clock) {
        this.ledger = ledger;
        this.pseudonyms = pseudonyms;
        this.choices = choices;
        this.clock = clock;
    }

    /** Who chose: their account's subject when signed in to the site, and their connection. */
    record Visitor(
            @Nullable SubjectId signedIn,
            @Nullable String ipAddress,
            @Nullable String userAgent) {}

    record RecordedChoice(UUID id, @Nullable String token, List<RecordedEvent> events) {}

    record RecordedEvent(String category, String purpose, String action, UUID event) {}

    @Transactional
    RecordedChoice record(CheckedChoice choice, Visitor visitor) {
        BannerView banner = choice.banner();
        SubjectId subject;
        String token;
        if (visitor.signedIn() != null) {
            subject = visitor.signedIn();
            token = choice.token();
        } else {
            VisitorPseudonyms.Pseudonym pseudonym = pseudonyms.of(banner.site(), choice.token());
            subject = pseudonym.subject();
            token = pseudonym.token();
        }
        UUID id = UUID.randomUUID();
        List<RecordedEvent> events = new ArrayList<>();
        for (CategoryView category : banner.choosable()) {
            ConsentAction action =
                    choice.categories().get(category.key()) ? ConsentAction.GIVEN : ConsentAction.WITHDRAWN;
            ConsentEvent event = ledger.record(
                    ConsentRequest.of(subject, banner.site(), category.purpose(), action, CollectionMethod.BANNER)
                            .withWording(banner.wording())
                            .withJurisdiction(banner.jurisdiction())
                            .withConnection(visitor.ipAddress(), visitor.userAgent())
                            .withEvidence("cookie-choice:" + id, false)
                            .at(null, banner.version()));
            events.add(new RecordedEvent(category.key(), category.purpose(), action.key(), event.id()));
        }
        choices.insert(new StoredChoice(
                id,
                banner.site(),
                banner.jurisdiction(),
                banner.language(),
                banner.version(),
                banner.wordingHash(),
                choice.kind().key(),
                choice.granted(),
                choice.refused(),
                choice.gpc(),
                visitor.signedIn() != null,
                events.stream().map(RecordedEvent::category).toList(),
                events.stream().map(RecordedEvent::event).toList(),
                clock.instant().truncatedTo(ChronoUnit.MICROS)));
        return new RecordedChoice(id, token, events);
    }

    Optional<StoredChoice> find(String site, UUID id) {
        return choices.find(site, id);
    }

    List<CookieChoiceRepository.ChoiceCount> counts(String site) {
        return choices.counts(site);
    }
}
