package dev.steward.inquiries;

import static org.awaitility.Awaitility.await;

import dev.steward.intake.FormSubmitted;
import dev.steward.test.Canary;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Submissions of the seeds' forms as the forms engine will make them: the record stored through the vault and
 * {@link FormSubmitted} published in the same transaction. Every personal value is a {@link Canary}.
 */
record Submitted(
        RecordId record,
        SubjectId subject,
        String email,
        @Nullable UUID caseId) {

    static final String OLYMPUS = "olympus-ims";
    static final String OMRON = "omron-healthcare";

    /** Makes submissions with the application's beans. */
    record Forms(
            Vault vault,
            Identities identities,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            InquiryRepository cases,
            Clock clock) {

        static Forms in(ApplicationContext context) {
            return new Forms(
                    context.getBean(Vault.class),
                    context.getBean(Identities.class),
                    context,
                    context.getBean(TransactionTemplate.class),
                    context.getBean(InquiryRepository.class),
                    context.getBean(Clock.class));
        }

        /** Olympus's contact form from Germany, routed to Olympus Europa (seed 001 §3.3). */
        Submitted olympusContact(String who) {
            String email = Canary.email(who);
            return submit(
                    "contact",
                    "olympus-europa",
                    olympus(
                            "contact-form",
                            "correspondence-terminated",
                            Map.of(
                                    "location",
                                    "DE",
                                    "companyName",
                                    Canary.name(who) + " GmbH",
                                    "firstName",
                                    Canary.name(who),
                                    "lastName",
                                    Canary.name(who + "son"),
                                    "email",
                                    email,
                                    "phone",
                                    Canary.phone(),
                                    "zip",
                                    "20097",
                                    "message",
                                    "Does the microscope fit? Ask " + Canary.name(who))),
                    email);
        }

        /** Omron's customer-service request (seed 002), which routes nowhere. */
        Submitted omronCustomerService(String who) {
            String email = Canary.email(who);
            return submit(
                    "customer-service",
                    null,
                    new NewRecord(
                            OMRON,
                            "customer-service",
                            "2010-05-05",
                            "us-notice",
                            "US",
                            "until-answered",
                            null,
                            RecordState.ACTIVE,
                            Map.of(
                                    "name",
                                    Canary.name(who),
                                    "email",
                                    email,
                                    "question",
                                    "My blood pressure monitor shows E2, says " + Canary.name(who))),
                    email);
        }

        /** Olympus's newsletter form: kept while subscribed, so not correspondence. */
        Submitted olympusNewsletter(String who) {
            String email = Canary.email(who);
            return submit(
                    "newsletter",
                    null,
                    olympus(
                            "newsletter",
                            "while-subscribed",
                            Map.of(
                                    "location",
                                    "FR",
                                    "companyName",
                                    Canary.name(who) + " SA",
                                    "firstName",
                                    Canary.name(who),
                                    "lastName",
                                    Canary.name(who + "son"),
                                    "email",
                                    email)),
                    email);
        }

        /** A record of Olympus's 2018 notice, collected with consent in the EU. */
        private static NewRecord olympus(String activity, String retention, Map<String, String> fields) {
            return new NewRecord(
                    OLYMPUS, activity, "2018-04-03", "gdpr-6-1-a", "EU", retention, null, RecordState.ACTIVE, fields);
        }

        /** Publishes the event again, as the publication registry does after a crash. */
        void publishAgain(Submitted submitted, String site, String form, String activity) {
            transaction.executeWithoutResult(status -> events.publishEvent(new FormSubmitted(
                    submitted.record(), submitted.subject(), site, form, activity, null, clock.instant())));
        }

        private Submitted submit(String form, @Nullable String recipient, NewRecord record, String email) {
            SubjectId subject = identities.forAddress(Identifier.email(email));
            RecordId id = transaction.execute(status -> {
                RecordId stored = vault.store(subject, record);
                events.publishEvent(new FormSubmitted(
                        stored, subject, record.site(), form, record.activity(), recipient, clock.instant()));
                return stored;
            });
            return new Submitted(id, subject, email, caseOf(id, record.activity()));
        }

        /** The case the listener opened, once it ran; none for a submission that is not correspondence. */
        private @Nullable UUID caseOf(RecordId record, String activity) {
            if (!activity.equals("contact-form") && !activity.equals("customer-service")) {
                return null;
            }
            return await().atMost(Duration.ofSeconds(20))
                    .until(() -> cases.ofRecord(record), java.util.Optional::isPresent)
                    .orElseThrow()
                    .id();
        }
    }
}
