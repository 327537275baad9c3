package dev.steward.intake;

import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.PurposeNames;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRecorded;
import dev.steward.consent.ConsentRequest;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.MessageBundle;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Double opt-in (seed 001 §3.4): a consent to a purpose that needs it counts only once confirmed from the person's
 * mailbox. One e-mail asks to confirm every such purpose of one submission or one change on the account page; its
 * link works once, and following it records a confirmed event with the token's hash as evidence.
 */
@Service
class DoubleOptIns {

    private final IntakeTokenRepository tokens;
    private final LinkTokens links;
    private final Catalogs catalogs;
    private final ConsentLedger ledger;
    private final Vault vault;
    private final Identities identities;
    private final Mailer mailer;
    private final IntakeSettings settings;
    private final StewardProperties properties;
    private final Clock clock;
    private final PurposeNames purposeNames;
    private final MessageBundle words = new MessageBundle("messages");

    DoubleOptIns(
            IntakeTokenRepository tokens,
            LinkTokens links,
            Catalogs catalogs,
            ConsentLedger ledger,
            Vault vault,
            Identities identities,
            Mailer mailer,
            IntakeSettings settings,
            StewardProperties properties,
            Clock clock,
            PurposeNames purposeNames) {
        this.tokens = tokens;
        this.links = links;
        this.catalogs = catalogs;
        this.ledger = ledger;
        this.vault = vault;
        this.identities = identities;
        this.mailer = mailer;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
        this.purposeNames = purposeNames;
    }

    /** Asks the subject, at their e-mail address, to confirm the purposes; does nothing for a subject without one. */
    void request(String site, SubjectId subject, List<String> purposes, String jurisdiction, CollectionMethod method) {
        Optional<String> address = addressOf(subject).map(Identifier::value);
        if (purposes.isEmpty() || address.isEmpty()) {
            return;
        }
        String token = links.issue();
        Instant now = clock.instant();
        tokens.insert(new IntakeToken(
                LinkTokens.hash(token),
                IntakeToken.Kind.DOUBLE_OPT_IN,
                site,
                null,
                subject,
                null,
                purposes,
                jurisdiction,
                method.key(),
                now,
                now.plus(settings.confirmationLinkValidFor())));
        Site declared = catalogs.requireSite(site);
        // in the language the person filled the form in, among the site's: the request being served is theirs
        String language = VisitorLanguages.of(declared);
        Locale locale = Locale.forLanguageTag(language);
        String siteName = declared.name().in(language, declared.language());
        mailer.queue(OutgoingMail.service(
                        site,
                        subject,
                        address.get(),
                        words.get(locale, "intake.mail.confirm.subject", siteName),
                        words.get(locale, "intake.mail.confirm.asked", siteName) + "\n"
                                + purposeNames.shown(site, purposes, language).stream()
                                        .map(name -> "- " + name)
                                        .collect(Collectors.joining("\n"))
                                + "\n\n" + words.get(locale, "intake.mail.confirm.link") + "\n"
                                + properties.publicUrl() + "/s/" + site + "/confirm/" + token + "\n\n"
                                + words.get(locale, "intake.mail.confirm.ignore"))
                .withSecrets(token));
    }

    /** The unused, unexpired link's token: what the person is asked to confirm. */
    Optional<IntakeToken> pending(String site, String token) {
        return tokens.valid(LinkTokens.hash(token), IntakeToken.Kind.DOUBLE_OPT_IN, site, clock.instant());
    }

    /**
     * Confirms each purpose whose consent is still given and unconfirmed; a consent withdrawn meanwhile stays
     * withdrawn. Answers the confirmed events, or nothing when the link expired or was used.
     */
    @Transactional
    Optional<List<ConsentEvent>> confirm(
            String site, String token, @Nullable String ipAddress, @Nullable String userAgent) {
        Instant now = clock.instant();
        Optional<IntakeToken> used = tokens.consume(LinkTokens.hash(token), IntakeToken.Kind.DOUBLE_OPT_IN, site, now);
        if (used.isEmpty()) {
            return Optional.empty();
        }
        IntakeToken confirmed = used.get();
        // the link came back from the mailbox it was sent to: the address is the subject's
        addressOf(confirmed.subject())
                .ifPresent(address -> identities.prove(confirmed.subject(), address, "double-opt-in"));
        List<ConsentEvent> events = new ArrayList<>();
        for (String purpose : confirmed.purposes()) {
            Optional<ConsentEvent> given = ledger.decidingEventAt(confirmed.subject(), site, purpose, now)
                    .filter(event -> event.action() == ConsentAction.GIVEN);
            given.ifPresent(event -> events.add(ledger.record(ConsentRequest.of(
                            confirmed.subject(), site, purpose, ConsentAction.CONFIRMED, CollectionMethod.EMAIL_LINK)
                    .withActivity(event.activity())
                    .withJurisdiction(event.jurisdiction())
                    .withEvidence(confirmed.evidenceRef(), false)
                    .withConnection(ipAddress, userAgent))));
        }
        return Optional.of(events);
    }

    /**
     * A box ticked on the account page asks for confirmation too. Every such consent of one transaction goes into one
     * e-mail, sent as the transaction commits.
     */
    @EventListener
    void consentRecorded(ConsentRecorded recorded) {
        if (recorded.action() != ConsentAction.GIVEN || !needsConfirmation(recorded.site(), recorded.purpose())) {
            return;
        }
        Optional<ConsentEvent> event = ledger.event(recorded.event());
        if (event.isEmpty()
                || !CollectionMethod.ACCOUNT_PAGE.key().equals(event.get().method())) {
            return;
        }
        pendingInTransaction()
                .computeIfAbsent(
                        new Asked(
                                recorded.site(), recorded.subject(), event.get().jurisdiction()),
                        asked -> new LinkedHashSet<>())
                .add(recorded.purpose());
    }

    private record Asked(String site, SubjectId subject, String jurisdiction) {}

    private Map<Asked, Set<String>> pendingInTransaction() {
        @SuppressWarnings("unchecked")
        Map<Asked, Set<String>> pending = (Map<Asked, Set<String>>) TransactionSynchronizationManager.getResource(this);
        if (pending != null) {
            return pending;
        }
        Map<Asked, Set<String>> created = new LinkedHashMap<>();
        TransactionSynchronizationManager.bindResource(this, created);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                created.forEach((asked, purposes) -> request(
                        asked.site(),
                        asked.subject(),
                        List.copyOf(purposes),
                        asked.jurisdiction(),
                        CollectionMethod.ACCOUNT_PAGE));
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(DoubleOptIns.this);
            }
        });
        return created;
    }

    private boolean needsConfirmation(String site, String purpose) {
        return catalogs.of(site).purpose(purpose).map(Purpose::doubleOptIn).orElse(false);
    }

    private Optional<Identifier> addressOf(SubjectId subject) {
        return vault.identifiers(subject, Access.system("double-opt-in")).stream()
                .filter(identifier -> identifier.kind() == Identifier.Kind.EMAIL)
                .findFirst();
    }
}
