package dev.steward.changes;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Site;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.platform.EmailLinks;
import dev.steward.platform.Sha256;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent given again through the link of a change mail. The link is the proof that the mailbox's owner agreed; it
 * works once, for its site only, and records a new consent with the wording the catalog now states and the new
 * notice version, for every subject of the address the mail asked, each under its own subject, and only where that
 * subject's consent is still given when the button is pressed: a withdrawal since the mail stands. The consent given
 * before stays as it was: valid for what it covered.
 */
@Service
class Reconsents {

    /** What opening the link shows: the consents asked, each as its purpose's name and exact wording. */
    record Pending(NoticeChangeRepository.ChangeRow change, List<ChangeMails.Asked> asked) {}

    /** A subject the link acts for, and the consents it still gives of those its mail asked again. */
    private record Renewal(NoticeChangeRepository.Told told, List<ConsentWordings.Reconsent> stillGiven) {}

    private record Found(NoticeChangeRepository.ChangeRow change, List<NoticeChangeRepository.Told> told) {}

    private final NoticeChangeRepository changes;
    private final ConsentWordings wordings;
    private final ConsentLedger ledger;
    private final Catalogs catalogs;
    private final Vault vault;
    private final Identities identities;
    private final Clock clock;

    Reconsents(
            NoticeChangeRepository changes,
            ConsentWordings wordings,
            ConsentLedger ledger,
            Catalogs catalogs,
            Vault vault,
            Identities identities,
            Clock clock) {
        this.changes = changes;
        this.wordings = wordings;
        this.ledger = ledger;
        this.catalogs = catalogs;
        this.vault = vault;
        this.identities = identities;
        this.clock = clock;
    }

    /**
     * The consents the link asks for, while it can still act, each purpose once, named in the reader's language;
     * nothing changes however often it is opened.
     */
    Optional<Pending> pending(String site, String token, String language) {
        Instant now = clock.instant();
        return usable(site, token, now)
                .map(found -> new Pending(
                        found.change(),
                        wordings.shown(
                                catalogs.requireSite(site),
                                renewals(site, found, now).stream()
                                        .flatMap(one -> one.stillGiven().stream())
                                        .toList(),
                                language)));
    }

    /** Records the consents again, once: of two presses, or two concurrent ones, only the first records anything. */
    @Transactional
    Optional<List<ConsentEvent>> confirm(
            String site, String token, @Nullable String ipAddress, @Nullable String userAgent) {
        Instant now = clock.instant();
        Optional<Found> found = usable(site, token, now);
        if (found.isEmpty() || !changes.markReconsented(Sha256.hex(token), now)) {
            return Optional.empty();
        }
        Site declared = catalogs.requireSite(site);
        String evidence = "notice-change:" + Sha256.hex(token);
        List<ConsentRequest> requests = new ArrayList<>();
        for (Renewal renewal : renewals(site, found.get(), now)) {
            NoticeChangeRepository.Told told = renewal.told();
            // the link came back from the mailbox it was sent to: the address is each of its subjects'
            vault.identifiers(told.subject(), Access.system("notice-change")).stream()
                    .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                    .findFirst()
                    .ifPresent(address -> identities.prove(told.subject(), address, "notice-change"));
            for (ConsentWordings.Reconsent one : renewal.stillGiven()) {
                Function<ConsentAction, ConsentRequest> request = action -> ConsentRequest.of(
                                told.subject(), site, one.purpose(), action, CollectionMethod.EMAIL_LINK)
                        .withActivity(one.activity())
                        .withJurisdiction(told.jurisdiction())
                        .withEvidence(evidence, false)
                        .withConnection(ipAddress, userAgent)
                        .at(null, found.get().change().to());
                requests.add(request.apply(ConsentAction.GIVEN).withWording(wordings.wording(declared, one)));
                if (doubleOptIn(site, one.purpose())) {
                    // WHY: the link came back from the mailbox it was sent to, which is what a double opt-in proves;
                    // a consent given again and left unconfirmed would end the subscription it renews, with no mail
                    // asking for a confirmation
                    requests.add(request.apply(ConsentAction.CONFIRMED));
                }
            }
        }
        return Optional.of(requests.stream().map(ledger::record).toList());
    }

    /** The subjects still there, each with the consents asked that it still gives at this moment. */
    private List<Renewal> renewals(String site, Found found, Instant now) {
        return found.told().stream()
                .filter(told -> vault.exists(told.subject()))
                .map(told -> new Renewal(
                        told,
                        told.reconsents().stream()
                                .filter(one -> wordings.stillGiven(told.subject(), site, one.purpose(), now))
                                .toList()))
                .filter(renewal -> !renewal.stillGiven().isEmpty())
                .toList();
    }

    private boolean doubleOptIn(String site, String purpose) {
        return catalogs.of(site).purpose(purpose).map(Purpose::doubleOptIn).orElse(false);
    }

    /**
     * Why the link cannot act: used, expired (or nothing it asked is still given: withdrawn since, its people erased),
     * or not one of this site's links.
     */
    EmailLinks.Reason whyUnusable(String site, String token) {
        return found(site, token)
                .map(found -> found.told().stream().anyMatch(NoticeChangeRepository.Told::reconsented)
                        ? EmailLinks.Reason.USED
                        : EmailLinks.Reason.EXPIRED)
                .orElse(EmailLinks.Reason.UNKNOWN);
    }

    private Optional<Found> usable(String site, String token, Instant now) {
        return found(site, token)
                .filter(found -> found.told().stream()
                        .noneMatch(told ->
                                told.reconsented() || told.expiresAt() == null || !now.isBefore(told.expiresAt())))
                .filter(found -> !renewals(site, found, now).isEmpty());
    }

    private Optional<Found> found(String site, String token) {
        List<NoticeChangeRepository.Told> told = changes.byToken(Sha256.hex(token));
        if (told.isEmpty()) {
            return Optional.empty();
        }
        Set<Long> ofChanges = Set.copyOf(
                told.stream().map(NoticeChangeRepository.Told::change).toList());
        return changes.change(told.get(0).change())
                .filter(change -> ofChanges.size() == 1 && change.site().equals(site))
                .map(change -> new Found(change, told));
    }
}
