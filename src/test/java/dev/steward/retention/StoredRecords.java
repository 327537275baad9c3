package dev.steward.retention;

import dev.steward.test.Canary;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordId;
import dev.steward.vault.RecordState;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.Map;

/** Records stored through the vault, as the forms and accounts modules store them, for the retention tests. */
record StoredRecords(Vault vault, Identities identities) {

    /** A new person known by e-mail; the name part makes their canary value unique to the test. */
    SubjectId person(String who) {
        return identities.forAddress(Identifier.email(Canary.email(who)));
    }

    /** A record of the lab site's activity, under its retention rule, with the person's e-mail. */
    RecordId lab(SubjectId subject, String who, String activity, String rule, String legalBasis) {
        return vault.store(
                subject,
                new NewRecord(
                        "lab",
                        activity,
                        "1",
                        legalBasis,
                        "EU",
                        rule,
                        null,
                        RecordState.ACTIVE,
                        Map.of("email", Canary.email(who))));
    }

    RecordId trial(SubjectId subject, String who) {
        return lab(subject, who, "trial", "trial-period", "gdpr-6-1-b");
    }

    /** An inquiry through Olympus's contact form (seed 001 §3.3), kept until the correspondence is terminated. */
    RecordId olympusContactForm(SubjectId subject, String who) {
        return vault.store(
                subject,
                new NewRecord(
                        "olympus-ims",
                        "contact-form",
                        "2018-04-03",
                        "gdpr-6-1-a",
                        "EU",
                        "correspondence-terminated",
                        null,
                        RecordState.ACTIVE,
                        Map.of(
                                "firstName", Canary.name(who),
                                "lastName", Canary.name(who),
                                "email", Canary.email(who),
                                "message", "A question about an ultrasonic flaw detector")));
    }

    RecordSummary summary(RecordId record) {
        return vault.record(record).orElseThrow();
    }

    boolean exists(RecordId record) {
        return vault.record(record).isPresent();
    }
}
