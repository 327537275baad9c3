package dev.steward.intake;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.Form;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.consent.CollectionMethod;
import dev.steward.consent.ConsentAction;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.consent.ConsentRequest;
import dev.steward.disclosures.Disclosures;
import dev.steward.disclosures.NewDisclosure;
import dev.steward.vault.RecordId;
import dev.steward.vault.SubjectId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * What happens once a submission may be processed, straight away or when a parent confirmed: every ticked box is
 * recorded in the consent ledger with its exact wording, the submission is routed to the recipient the catalog names
 * for it and that disclosure is recorded, and {@link FormSubmitted} tells the other modules.
 */
@Component
class Acceptance {

    private final Catalogs catalogs;
    private final ConsentLedger ledger;
    private final Disclosures disclosures;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Acceptance(
            Catalogs catalogs,
            ConsentLedger ledger,
            Disclosures disclosures,
            ApplicationEventPublisher events,
            Clock clock) {
        this.catalogs = catalogs;
        this.ledger = ledger;
        this.disclosures = disclosures;
        this.events = events;
        this.clock = clock;
    }

    /**
     * A submission to process. {@code parentEvidence} is set when a parent confirmed it: the consents are then the
     * parent's, confirmed from their mailbox.
     */
    record Accepted(
            String site,
            Form form,
            SubjectId subject,
            RecordId record,
            Map<String, String> fields,
            Set<String> ticked,
            String jurisdiction,
            CollectionMethod method,
            @Nullable String ipAddress,
            @Nullable String userAgent,
            @Nullable String parentEvidence) {

        @Override
        public String toString() {
            return "Accepted[site=" + site + ", form=" + form.key() + ", record=" + record + "]";
        }
    }

    record Outcome(List<ConsentEvent> consents, @Nullable String recipient) {}

    Outcome process(Accepted accepted) {
        Catalog catalog = catalogs.of(accepted.site());
        ProcessingActivity activity =
                catalog.activity(accepted.form().activity()).orElseThrow();
        List<ConsentEvent> consents = recordConsents(catalog, activity, accepted);
        // while the person's processing is restricted (Art. 18) their data may only be stored, so it is not forwarded
        String recipient = route(accepted.form(), accepted.fields())
                .filter(routed -> !disclosures.stopped(accepted.subject(), accepted.site()))
                .orElse(null);
        if (recipient != null) {
            disclosures.record(NewDisclosure.of(
                            accepted.site(),
                            accepted.subject(),
                            recipient,
                            activity.key(),
                            categories(catalog, accepted.fields()))
                    .ofRecord(accepted.record())
                    .because(Intake.legalBasis(catalog, activity, accepted.jurisdiction()), "form routing"));
        }
        events.publishEvent(new FormSubmitted(
                accepted.record(),
                accepted.subject(),
                accepted.site(),
                accepted.form().key(),
                activity.key(),
                recipient,
                clock.instant()));
        return new Outcome(consents, recipient);
    }

    private List<ConsentEvent> recordConsents(Catalog catalog, ProcessingActivity activity, Accepted accepted) {
        String language = catalog.site(accepted.site()).orElseThrow().language();
        boolean byParent = accepted.parentEvidence() != null;
        List<ConsentEvent> recorded = new ArrayList<>();
        for (Form.ConsentBox box : accepted.form().consents()) {
            if (!accepted.ticked().contains(box.purpose())) {
                continue;
            }
            recorded.add(ledger.record(ConsentRequest.of(
                            accepted.subject(),
                            accepted.site(),
                            box.purpose(),
                            byParent ? ConsentAction.CONFIRMED : ConsentAction.GIVEN,
                            accepted.method())
                    .withActivity(activity.purposes().contains(box.purpose()) ? activity.key() : null)
                    .withWording(box.text().in(language))
                    .withJurisdiction(accepted.jurisdiction())
                    .withEvidence(accepted.parentEvidence(), byParent)
                    .withConnection(accepted.ipAddress(), accepted.userAgent())));
        }
        return recorded;
    }

    /** The ticked purposes that count only once confirmed from the person's mailbox. */
    static List<String> needingConfirmation(Catalog catalog, Set<String> ticked) {
        return ticked.stream()
                .filter(purpose ->
                        catalog.purpose(purpose).map(Purpose::doubleOptIn).orElse(false))
                .sorted()
                .toList();
    }

    private static Optional<String> route(Form form, Map<String, String> fields) {
        Form.Routing routing = form.routing();
        if (routing == null) {
            return Optional.empty();
        }
        String value = fields.get(routing.field());
        return Optional.ofNullable(value == null ? null : routing.recipients().get(value))
                .or(() -> Optional.ofNullable(routing.otherwise()));
    }

    private static List<String> categories(Catalog catalog, Map<String, String> fields) {
        return fields.keySet().stream()
                .map(catalog::categoryOf)
                .flatMap(Optional::stream)
                .map(DataCategory::key)
                .distinct()
                .toList();
    }
}
