package dev.steward.intake;

import dev.steward.accounts.Accounts;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Form;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.Site;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.CollectionMethod;
import dev.steward.mail.Mailer;
import dev.steward.mail.OutgoingMail;
import dev.steward.platform.MessageBundle;
import dev.steward.platform.StewardProperties;
import dev.steward.vault.Access;
import dev.steward.vault.RecordDueTimes;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A child's submission where the law wants a parent's consent (GDPR Art. 8: in the EU below 16): it is stored held,
 * nothing else happens, and the parent gets a link by e-mail, single-use and valid for a week. When the parent
 * confirms, the record becomes active and is processed with the parent's consents; when they refuse, or the link
 * expires, the submission is erased.
 */
@Service
class ParentalConsents {

    private final IntakeTokenRepository tokens;
    private final LinkTokens links;
    private final Catalogs catalogs;
    private final Vault vault;
    private final RecordDueTimes dueTimes;
    private final Accounts accounts;
    private final Mailer mailer;
    private final Acceptance acceptance;
    private final IntakeSettings settings;
    private final StewardProperties properties;
    private final Clock clock;
    private final MessageBundle words = new MessageBundle("messages");

    ParentalConsents(
            IntakeTokenRepository tokens,
            LinkTokens links,
            Catalogs catalogs,
            Vault vault,
            RecordDueTimes dueTimes,
            Accounts accounts,
            Mailer mailer,
            Acceptance acceptance,
            IntakeSettings settings,
            StewardProperties properties,
            Clock clock) {
        this.tokens = tokens;
        this.links = links;
        this.catalogs = catalogs;
        this.vault = vault;
        this.dueTimes = dueTimes;
        this.accounts = accounts;
        this.mailer = mailer;
        this.acceptance = acceptance;
        this.settings = settings;
        this.properties = properties;
        this.clock = clock;
    }

    /** What a parent sees before deciding: the form, what it collects, and the consents the child ticked. */
    record Pending(IntakeToken token, Form form) {}

    /** Holds the submission and asks the parent; the caller's transaction stored the held record. */
    void hold(
            Form form,
            SubjectId subject,
            RecordId record,
            Set<String> ticked,
            FormSubmission submission,
            String parentEmail) {
        String token = links.issue();
        Instant now = clock.instant();
        Instant expires = now.plus(settings.parentLinkValidFor());
        tokens.insert(new IntakeToken(
                LinkTokens.hash(token),
                IntakeToken.Kind.PARENTAL_CONSENT,
                submission.site(),
                form.key(),
                subject,
                record,
                List.copyOf(ticked),
                submission.connection().jurisdiction(),
                submission.method().key(),
                now,
                expires));
        Site site = catalogs.requireSite(submission.site());
        // the parent's language is unknown: the one the child filled the form in, among the site's
        String language = VisitorLanguages.of(site);
        Locale locale = Locale.forLanguageTag(language);
        String siteName = site.name().in(language, site.language());
        Jurisdiction jurisdiction = catalogs.of(site.key())
                .jurisdiction(submission.connection().jurisdiction())
                .orElseThrow();
        Jurisdiction.AgeGate gate = Objects.requireNonNull(jurisdiction.ageGate());
        mailer.queue(OutgoingMail.service(
                        site.key(),
                        subject,
                        parentEmail,
                        words.get(locale, "intake.mail.parent.subject", siteName),
                        words.get(
                                        locale,
                                        "intake.mail.parent.asked",
                                        Integer.toString(gate.minimumAge()),
                                        form.title().in(language, site.language()),
                                        siteName)
                                + "\n\n" + words.get(locale, "intake.mail.parent.link") + "\n"
                                + properties.publicUrl() + "/s/" + site.key() + "/parental-consent/" + token + "\n\n"
                                + words.get(
                                        locale,
                                        "intake.mail.parent.deadline",
                                        MessageBundle.date(
                                                expires.atZone(jurisdiction.zone(site))
                                                        .toLocalDate(),
                                                locale)))
                .withSecrets(token));
    }

    Optional<Pending> pending(String site, String token) {
        return tokens.valid(LinkTokens.hash(token), IntakeToken.Kind.PARENTAL_CONSENT, site, clock.instant())
                .flatMap(found -> catalogs.of(site).form(site, found.form()).map(form -> new Pending(found, form)));
    }

    /** The parent confirmed: the record becomes active and is processed with the parent's consents. */
    @Transactional
    Optional<Submitted> confirm(String site, String token, @Nullable String ipAddress, @Nullable String userAgent) {
        Optional<IntakeToken> used =
                tokens.consume(LinkTokens.hash(token), IntakeToken.Kind.PARENTAL_CONSENT, site, clock.instant());
        if (used.isEmpty()) {
            return Optional.empty();
        }
        IntakeToken held = used.get();
        Optional<RecordSummary> record = vault.record(held.record());
        Optional<Form> form = catalogs.of(site).form(site, held.form());
        if (record.isEmpty() || form.isEmpty()) {
            return Optional.empty();
        }
        dueTimes.changeState(held.record(), RecordState.ACTIVE, record.get().dueAt());
        if (form.get().createsAccount()) {
            accounts.activate(site, held.subject());
        }
        Map<String, String> fields = vault.fields(held.record(), Access.system("parental-consent"));
        Acceptance.Outcome outcome = acceptance.process(new Acceptance.Accepted(
                site,
                form.get(),
                held.subject(),
                held.record(),
                fields,
                Set.copyOf(held.purposes()),
                held.jurisdiction(),
                CollectionMethod.EMAIL_LINK,
                ipAddress,
                userAgent,
                held.evidenceRef()));
        return Optional.of(new Submitted(
                held.record(),
                held.subject(),
                Submitted.Status.ACCEPTED,
                outcome.consents().stream().map(event -> event.receiptPath()).toList(),
                outcome.consents().stream().map(event -> event.purpose()).toList(),
                outcome.recipient(),
                List.of()));
    }

    /** The parent refused: the submission is erased at once. */
    @Transactional
    boolean refuse(String site, String token) {
        Optional<IntakeToken> used =
                tokens.consume(LinkTokens.hash(token), IntakeToken.Kind.PARENTAL_CONSENT, site, clock.instant());
        used.ifPresent(held -> erase(held, "parental consent refused"));
        return used.isPresent();
    }

    /** Erases held submissions whose parent did not confirm in time; answers how many. */
    @Transactional
    int eraseExpired(int limit) {
        List<IntakeToken> expired = tokens.expiredHolds(clock.instant(), limit);
        expired.forEach(held -> erase(held, "parental consent not given in time"));
        return expired.size();
    }

    /**
     * Erases the held record and a held registration; the subject too when nothing else is kept about them, which is
     * the usual case of a child met for the first time.
     */
    private void erase(IntakeToken held, String reason) {
        Catalog catalog = catalogs.of(held.site());
        String activity =
                catalog.form(held.site(), held.form()).map(Form::activity).orElse(null);
        if (held.record() != null) {
            vault.eraseRecords(held.subject(), List.of(held.record()), activity, reason);
        }
        accounts.discardAwaitingParent(held.site(), held.subject());
        if (vault.exists(held.subject()) && vault.records(held.subject()).isEmpty()) {
            vault.eraseSubject(held.subject(), reason);
        }
        tokens.delete(held.tokenSha256());
    }
}
