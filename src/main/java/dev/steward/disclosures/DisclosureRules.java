package dev.steward.disclosures;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.DataCategory;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.platform.FieldError;
import dev.steward.platform.InvalidInputException;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.Vault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A disclosure must be one the catalog declares: to a recipient the catalog knows and the activity lists, of data
 * categories the activity collects. Anything else is refused with every problem named, and nothing is recorded.
 */
@Component
class DisclosureRules {

    static final int MAX_REASON = 200;

    private final Catalogs catalogs;
    private final Vault vault;

    DisclosureRules(Catalogs catalogs, Vault vault) {
        this.catalogs = catalogs;
        this.vault = vault;
    }

    void check(NewDisclosure disclosure) {
        if (disclosure.site() == null || catalogs.site(disclosure.site()).isEmpty()) {
            throw new InvalidInputException(
                    FieldError.of("site", "unknown-site", "error.common.site.unknown", disclosure.site()));
        }
        Catalog catalog = catalogs.of(disclosure.site());
        List<FieldError> errors = new ArrayList<>();
        if (disclosure.subject() == null || !vault.exists(disclosure.subject())) {
            errors.add(FieldError.of("subject", "unknown-subject", "error.common.subject.unknown-subject"));
        }
        Optional<ProcessingActivity> activity = catalog.activitiesOf(disclosure.site()).stream()
                .filter(declared -> declared.key().equals(disclosure.activity()))
                .findFirst();
        if (activity.isEmpty()) {
            errors.add(FieldError.of(
                    "activity",
                    "undeclared-activity",
                    "error.common.activity.unknown",
                    disclosure.site(),
                    disclosure.activity()));
        }
        checkRecipient(catalog, disclosure, activity, errors);
        checkCategories(catalog, disclosure, activity, errors);
        activity.ifPresent(declared -> checkRecord(disclosure, errors));
        activity.ifPresent(declared -> checkLegalBasis(catalog, declared, disclosure, errors));
        if (disclosure.reason() != null && disclosure.reason().length() > MAX_REASON) {
            errors.add(FieldError.of("reason", "too-long", "error.common.reason.too-long", MAX_REASON));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkRecipient(
            Catalog catalog, NewDisclosure disclosure, Optional<ProcessingActivity> activity, List<FieldError> errors) {
        if (catalog.recipient(disclosure.recipient()).isEmpty()) {
            errors.add(FieldError.of(
                    "recipient",
                    "undeclared-recipient",
                    "error.disclosures.recipient.undeclared-recipient",
                    disclosure.recipient()));
        } else if (activity.isPresent() && !activity.get().recipients().contains(disclosure.recipient())) {
            errors.add(FieldError.of(
                    "recipient",
                    "recipient-not-listed",
                    "error.disclosures.recipient.recipient-not-listed",
                    disclosure.activity(),
                    disclosure.recipient()));
        }
    }

    private static void checkCategories(
            Catalog catalog, NewDisclosure disclosure, Optional<ProcessingActivity> activity, List<FieldError> errors) {
        if (disclosure.categories().isEmpty()) {
            errors.add(FieldError.of("categories", "required", "error.disclosures.categories.required"));
        }
        for (String category : disclosure.categories()) {
            Optional<DataCategory> declared = catalog.dataCategories().stream()
                    .filter(candidate -> candidate.key().equals(category))
                    .findFirst();
            if (declared.isEmpty()) {
                errors.add(FieldError.of(
                        "categories",
                        "undeclared-category",
                        "error.disclosures.categories.undeclared-category",
                        category));
            } else if (activity.isPresent() && !collects(activity.get(), declared.get())) {
                errors.add(FieldError.of(
                        "categories",
                        "category-not-collected",
                        "error.disclosures.categories.category-not-collected",
                        disclosure.activity(),
                        category));
            }
        }
    }

    private static boolean collects(ProcessingActivity activity, DataCategory category) {
        return category.fields().stream().anyMatch(field -> activity.collects(field.key()));
    }

    private void checkRecord(NewDisclosure disclosure, List<FieldError> errors) {
        if (disclosure.record() == null) {
            return;
        }
        Optional<RecordSummary> record = vault.record(disclosure.record());
        if (record.isEmpty() || !record.get().subject().equals(disclosure.subject())) {
            errors.add(FieldError.of("record", "unknown-record", "error.disclosures.record.unknown-record"));
        } else if (!record.get().site().equals(disclosure.site())
                || !record.get().activity().equals(disclosure.activity())) {
            errors.add(FieldError.of("record", "other-activity", "error.disclosures.record.other-activity"));
        }
    }

    private static void checkLegalBasis(
            Catalog catalog, ProcessingActivity activity, NewDisclosure disclosure, List<FieldError> errors) {
        if (disclosure.legalBasis() == null) {
            return;
        }
        boolean declared = catalog.purposesOf(activity).stream()
                .flatMap(purpose -> purpose.legalBasis().values().stream())
                .flatMap(List::stream)
                .map(LegalBasis::key)
                .anyMatch(disclosure.legalBasis()::equals);
        if (!declared) {
            errors.add(FieldError.of(
                    "legalBasis",
                    "undeclared-legal-basis",
                    "error.disclosures.legalBasis.undeclared-legal-basis",
                    activity.key(),
                    disclosure.legalBasis()));
        }
    }
}
