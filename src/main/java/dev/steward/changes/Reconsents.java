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
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consent given again through the link of a change mail. The link is the proof that the mailbox's owner agreed; it
 * works once, for its site only, and records a new consent with the wording the catalog now states and the new
 * notice version. The consent given before stays as it was: valid for what it covered.
 */
@Service
class Reconsents {

    /** What opening the link shows: the consents asked, each as its purpose's name and exact wording. */
    record Pending(
            NoticeChangeRepository.Told told, NoticeChangeRepository.ChangeRow change, List<ChangeMails.Asked> asked) {}

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
     * The consents the link asks for, while it can still act, named in the reader's language; nothing changes however
     * often it is opened.
     */
    Optional<Pending> pending(String site, String token, String language) {
        return usable(site, token).map(found -> {
            Site declared = catalogs.requireSite(site);
            return new Pending(
                    found.told(),
                    found.change(),
                    found.told().reconsents().stream()
                            .map(one -> new ChangeMails.Asked(
                                    wordings.purposeName(declared, one.purpose(), language),
                                    wordings.wording(declared, one)))
                            .toList());
        });
    }

    /** Records the consents again, once: of two presses, or two concurrent ones, only the first records anything. */
    @Transactional
    Optional<List<ConsentEvent>> confirm(
            String site, String token, @Nullable String ipAddress, @Nullable String userAgent) {
        Optional<Pending> pending =
                usable(site, token).map(found -> new Pending(found.told(), found.change(), List.of()));
        Instant now = clock.instant();
        if (pending.isEmpty() || !changes.markReconsented(Sha256.hex(token), now)) {
            return Optional.empty();
        }
        NoticeChangeRepository.Told told = pending.get().told();
        Site declared = catalogs.requireSite(site);
        // the link came back from the mailbox it was sent to: the address is the person's
        vault.identifiers(told.subject(), Access.system("notice-change")).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .findFirst()
                .ifPresent(address -> identities.prove(told.subject(), address, "notice-change"));
        List<ConsentRequest> requests = new ArrayList<>();
        String evidence = "notice-change:" + Sha256.hex(token);
        for (ConsentWordings.Reconsent one : told.reconsents()) {
            Function<ConsentAction, ConsentRequest> request = action -> ConsentRequest.of(
                            told.subject(), site, one.purpose(), action, CollectionMethod.EMAIL_LINK)
                    .withActivity(one.activity())
                    .withJurisdiction(told.jurisdiction())
                    .withEvidence(evidence, false)
                    .withConnection(ipAddress, userAgent)
                    .at(null, pending.get().change().to());
            requests.add(request.apply(ConsentAction.GIVEN).withWording(wordings.wording(declared, one)));
            if (doubleOptIn(site, one.purpose())) {
                // WHY: the link came back from the mailbox it was sent to, which is what a double opt-in proves; a
                // consent given again and left unconfirmed would end the subscription it renews, with no mail asking
                // for a confirmation
                requests.add(request.apply(ConsentAction.CONFIRMED));
            }
        }
        return Optional.of(requests.stream().map(ledger::record).toList());
    }

    private boolean doubleOptIn(String site, String purpose) {
        return catalogs.of(site).purpose(purpose).map(Purpose::doubleOptIn).orElse(false);
    }

    /** Why the link cannot act: used, expired, or not one of this site's links. */
    EmailLinks.Reason whyUnusable(String site, String token) {
        return found(site, token)
                .map(found -> found.told().reconsented() ? EmailLinks.Reason.USED : EmailLinks.Reason.EXPIRED)
                .orElse(EmailLinks.Reason.UNKNOWN);
    }

    private record Found(NoticeChangeRepository.Told told, NoticeChangeRepository.ChangeRow change) {}

    private Optional<Found> usable(String site, String token) {
        Instant now = clock.instant();
        return found(site, token)
                .filter(found -> !found.told().reconsented()
                        && found.told().expiresAt() != null
                        && now.isBefore(found.told().expiresAt())
                        && vault.exists(found.told().subject()));
    }

    private Optional<Found> found(String site, String token) {
        return changes.byToken(Sha256.hex(token))
                .flatMap(told -> changes.change(told.change()).map(change -> new Found(told, change)))
                .filter(found -> found.change().site().equals(site));
    }
}
