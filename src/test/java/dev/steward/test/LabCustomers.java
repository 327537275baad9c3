package dev.steward.test;

import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.vault.Identifier;
import dev.steward.vault.Identities;
import dev.steward.vault.NewRecord;
import dev.steward.vault.RecordState;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.util.List;
import java.util.Map;

/**
 * Customers of the {@code lab} test site: an invoice (kept ten years by law, sent to the accounting partner and the
 * print shop) and a newsletter subscription with its consent.
 */
public final class LabCustomers {

    /** Where a lab subscriber registered from, kept (truncated) as the consent's evidence. */
    public static final String REGISTERED_FROM = "203.0.113.77";

    private final Vault vault;
    private final Identities identities;
    private final ConsentLedger ledger;
    private final Disclosures disclosures;

    public LabCustomers(Vault vault, Identities identities, ConsentLedger ledger, Disclosures disclosures) {
        this.vault = vault;
        this.identities = identities;
        this.ledger = ledger;
        this.disclosures = disclosures;
    }

    public SubjectId subscriber(String who) {
        SubjectId subject = identities.forAddress(Identifier.email(Canary.email(who)));
        vault.store(subject, newsletter(Map.of("email", Canary.email(who), "name", Canary.name(who))));
        ledger.record(ConsentRequest.of(subject, "lab", "newsletter", ConsentAction.GIVEN, CollectionMethod.FORM)
                .withActivity("newsletter")
                .withWording("Send me the monthly lab newsletter.")
                .withConnection(REGISTERED_FROM, "Mozilla/5.0 (lab)"));
        return subject;
    }

    public SubjectId customer(String who) {
        SubjectId subject = subscriber(who);
        vault.store(subject, invoice(Map.of("email", Canary.email(who), "name", Canary.name(who))));
        for (String recipient : List.of("lab-accounting", "lab-printer")) {
            disclosures.record(NewDisclosure.of("lab", subject, recipient, "invoicing", List.of("contact")));
        }
        return subject;
    }

    /** A subscription to the lab newsletter, on consent, kept while it lasts. */
    public static NewRecord newsletter(Map<String, String> fields) {
        return new NewRecord(
                "lab", "newsletter", "1", "gdpr-6-1-a", "EU", "subscription", null, RecordState.ACTIVE, fields);
    }

    /** A trial of the lab's product, under contract, kept for the trial period. */
    public static NewRecord trial(Map<String, String> fields) {
        return new NewRecord("lab", "trial", "1", "gdpr-6-1-b", "EU", "trial-period", null, RecordState.ACTIVE, fields);
    }

    /** An invoice, kept ten years under the books' rule because the law says so. */
    public static NewRecord invoice(Map<String, String> fields) {
        return invoice(fields, RecordState.ACTIVE);
    }

    /** An invoice in the state given: a child's, held until a parent confirms, is {@code AWAITING_PARENT}. */
    public static NewRecord invoice(Map<String, String> fields, RecordState state) {
        return new NewRecord("lab", "invoicing", "1", "gdpr-6-1-c", "EU", "books", null, state, fields);
    }
}
