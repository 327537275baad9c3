package dev.steward.intake;

import dev.steward.accounts.Accounts;
import dev.steward.accounts.Registration;
import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory.FieldType;
import dev.steward.catalog.Form;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.notice.PublishedNotices;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.NotFoundException;
import dev.steward.platform.RateLimitedException;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes a visitor's submission of a catalog form, over HTML or JSON alike: misuse checks first (honeypot, rate
 * limits), then the one validation, then in one transaction the subject and record in the vault under the notice
 * version in force, the legal basis and jurisdiction, an account where the form registers, the consents, the
 * connection data under its own activity, the routing and {@link FormSubmitted}. A child's submission that needs a
 * parent is stored held and nothing else happens. Whatever is refused stores nothing.
 */
@Service
class Intake {

    static final String HONEYPOT = "website";
    private static final int USER_AGENT_KEPT = 500;

    private final Catalogs catalogs;
    private final SubmissionRules rules;
    private final MisuseGuard guard;
    private final Vault vault;
    private final Identities identities;
    private final Accounts accounts;
    private final PublishedNotices notices;
    private final Acceptance acceptance;
    private final ParentalConsents parents;
    private final DoubleOptIns doubleOptIns;
    private final IntakeMetrics metrics;

    Intake(
            Catalogs catalogs,
            SubmissionRules rules,
            MisuseGuard guard,
            Vault vault,
            Identities identities,
            Accounts accounts,
            PublishedNotices notices,
            Acceptance acceptance,
            ParentalConsents parents,
            DoubleOptIns doubleOptIns,
            IntakeMetrics metrics) {
        this.catalogs = catalogs;
        this.rules = rules;
        this.guard = guard;
        this.vault = vault;
        this.identities = identities;
        this.accounts = accounts;
        this.notices = notices;
        this.acceptance = acceptance;
        this.parents = parents;
        this.doubleOptIns = doubleOptIns;
        this.metrics = metrics;
    }

    /** The form of the site; an unknown one is a 404. */
    Form form(String site, String form) {
        return catalogs.of(site)
                .form(site, form)
                .orElseThrow(() -> new NotFoundException("Site '" + site + "' has no form '" + form + "'."));
    }

    /** Takes a submission and counts its outcome: accepted once committed, refused with its codes, rate-limited. */
    @Transactional
    Submitted submit(FormSubmission submission) {
        try {
            Submitted submitted = take(submission);
            metrics.takenOnCommit(submission.site(), submission.form(), submitted.status());
            return submitted;
        } catch (RateLimitedException e) {
            metrics.rateLimited(submission.site(), submission.form());
            throw e;
        } catch (InvalidInputException e) {
            metrics.refused(submission.site(), submission.form(), e.errors());
            throw e;
        }
    }

    private Submitted take(FormSubmission submission) {
        Catalog catalog = catalogs.of(submission.site());
        Form form = form(submission.site(), submission.form());
        if (submission.honeypot() != null && !submission.honeypot().isEmpty()) {
            throw new InvalidInputException(FieldError.of(HONEYPOT, "honeypot", "error.intake.field.honeypot"));
        }
        guard.admit(submission.connection().ipAddress(), emailOf(catalog, form, submission))
                .ifPresent(wait -> {
                    throw new RateLimitedException(wait);
                });
        CheckedSubmission checked = rules.check(catalog, form, submission);
        // whoever sent this proved nothing about who they are: their submission is a subject of its own
        SubjectId subject = identities.newSubject(checked.identifiers());
        String jurisdiction = submission.connection().jurisdiction();
        RecordId record = vault.store(
                subject,
                record(
                        catalog,
                        checked.activity(),
                        submission.site(),
                        jurisdiction,
                        checked.recordFields(),
                        checked.awaitsParent() ? RecordState.AWAITING_PARENT : RecordState.ACTIVE));
        if (form.createsAccount()) {
            accounts.register(
                    new Registration(
                            submission.site(),
                            form.key(),
                            subject,
                            checked.logins(),
                            checked.passwordField(),
                            checked.awaitsParent()),
                    checked.password());
        }
        if (checked.awaitsParent()) {
            parents.hold(form, subject, record, submission.consents(), submission, checked.parentEmail());
            return new Submitted(
                    record, subject, Submitted.Status.AWAITING_PARENT, List.of(), List.of(), null, List.of());
        }
        keepConnectionData(catalog, form, subject, submission);
        Acceptance.Outcome outcome = acceptance.process(new Acceptance.Accepted(
                submission.site(),
                form,
                subject,
                record,
                checked.recordFields(),
                submission.consents(),
                jurisdiction,
                submission.method(),
                submission.connection().ipAddress(),
                submission.connection().userAgent(),
                null));
        List<String> confirming = Acceptance.needingConfirmation(catalog, submission.consents());
        doubleOptIns.request(submission.site(), subject, confirming, jurisdiction, submission.method());
        return new Submitted(
                record,
                subject,
                Submitted.Status.ACCEPTED,
                outcome.consents().stream().map(event -> event.receiptPath()).toList(),
                outcome.consents().stream().map(event -> event.purpose()).toList(),
                outcome.recipient(),
                confirming);
    }

    /**
     * The connection a submission came over is kept only where the form names an activity for it, under that
     * activity's own purpose, legal basis and short retention (seed 001 §3.3).
     */
    private void keepConnectionData(Catalog catalog, Form form, SubjectId subject, FormSubmission submission) {
        if (form.connectionData() == null) {
            return;
        }
        ProcessingActivity activity = catalog.activity(form.connectionData()).orElseThrow();
        FormSubmission.Connection connection = submission.connection();
        Map<String, String> fields = new LinkedHashMap<>();
        putIfCollected(activity, fields, "connectionIp", connection.ipAddress());
        putIfCollected(activity, fields, "userAgent", shortened(connection.userAgent()));
        putIfCollected(activity, fields, "submittedAt", connection.at().toString());
        vault.store(
                subject,
                record(catalog, activity, submission.site(), connection.jurisdiction(), fields, RecordState.ACTIVE));
    }

    private static void putIfCollected(
            ProcessingActivity activity, Map<String, String> fields, String key, @Nullable String value) {
        if (value != null && activity.collects(key)) {
            fields.put(key, value);
        }
    }

    private static @Nullable String shortened(@Nullable String userAgent) {
        return userAgent == null || userAgent.length() <= USER_AGENT_KEPT
                ? userAgent
                : userAgent.substring(0, USER_AGENT_KEPT);
    }

    private NewRecord record(
            Catalog catalog,
            ProcessingActivity activity,
            String site,
            String jurisdiction,
            Map<String, String> fields,
            RecordState state) {
        return new NewRecord(
                site,
                activity.key(),
                notices.inForce(site).version(),
                legalBasis(catalog, activity, jurisdiction),
                jurisdiction,
                activity.retention(),
                null,
                state,
                fields);
    }

    /** The legal basis the activity rests on in the jurisdiction: that of its first purpose with one there. */
    static String legalBasis(Catalog catalog, ProcessingActivity activity, String jurisdiction) {
        return catalog.purposesOf(activity).stream()
                .map((Purpose purpose) -> purpose.basesIn(jurisdiction))
                .filter(bases -> !bases.isEmpty())
                .map(bases -> bases.get(0).key())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "Activity '" + activity.key() + "' has no legal basis in jurisdiction " + jurisdiction));
    }

    /** The e-mail address a submission names, for its rate limit; only its blind index is used. */
    private static @Nullable Identifier emailOf(Catalog catalog, Form form, FormSubmission submission) {
        return form.fields().stream()
                .filter(key -> catalog.field(key)
                        .map(field -> field.type() == FieldType.EMAIL)
                        .orElse(false))
                .map(submission.fields()::get)
                .filter(value -> value != null && value.contains("@"))
                .findFirst()
                .map(Identifier::email)
                .orElse(null);
    }
}
