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
            throw new InvalidInputException("site", "unknown-site", "There is no site '" + disclosure.site() + "'.");
        }
        Catalog catalog = catalogs.of(disclosure.site());
        List<FieldError> errors = new ArrayList<>();
        if (disclosure.subject() == null || !vault.exists(disclosure.subject())) {
            errors.add(new FieldError(
                    "subject",
                    "unknown-subject",
                    "Steward holds nothing about this subject: never collected, or erased."));
        }
        Optional<ProcessingActivity> activity = catalog.activitiesOf(disclosure.site()).stream()
                .filter(declared -> declared.key().equals(disclosure.activity()))
                .findFirst();
        if (activity.isEmpty()) {
            errors.add(new FieldError(
                    "activity",
                    "undeclared-activity",
                    "Site '" + disclosure.site() + "' declares no activity '" + disclosure.activity() + "'."));
        }
        checkRecipient(catalog, disclosure, activity, errors);
        checkCategories(catalog, disclosure, activity, errors);
        activity.ifPresent(declared -> checkRecord(disclosure, errors));
        activity.ifPresent(declared -> checkLegalBasis(catalog, declared, disclosure, errors));
        if (disclosure.reason() != null && disclosure.reason().length() > MAX_REASON) {
            errors.add(new FieldError("reason", "too-long", "The reason has more than " + MAX_REASON + " characters."));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static void checkRecipient(
            Catalog catalog, NewDisclosure disclosure, Optional<ProcessingActivity> activity, List<FieldError> errors) {
        if (catalog.recipient(disclosure.recipient()).isEmpty()) {
            errors.add(new FieldError(
                    "recipient",
                    "undeclared-recipient",
                    "The catalog declares no recipient '" + disclosure.recipient()
                            + "': Steward discloses only to recipients the notice names."));
        } else if (activity.isPresent() && !activity.get().recipients().contains(disclosure.recipient())) {
            errors.add(new FieldError(
                    "recipient",
                    "recipient-not-listed",
                    "Activity '" + disclosure.activity() + "' does not list recipient '" + disclosure.recipient()
                            + "': add it to the activity's recipients before disclosing to it."));
        }
    }

    private static void checkCategories(
            Catalog catalog, NewDisclosure disclosure, Optional<ProcessingActivity> activity, List<FieldError> errors) {
        if (disclosure.categories().isEmpty()) {
            errors.add(new FieldError("categories", "required", "Name the categories of data disclosed."));
        }
        for (String category : disclosure.categories()) {
            Optional<DataCategory> declared = catalog.dataCategories().stream()
                    .filter(candidate -> candidate.key().equals(category))
                    .findFirst();
            if (declared.isEmpty()) {
                errors.add(new FieldError(
                        "categories",
                        "undeclared-category",
                        "The catalog declares no data category '" + category + "'."));
            } else if (activity.isPresent() && !collects(activity.get(), declared.get())) {
                errors.add(new FieldError(
                        "categories",
                        "category-not-collected",
                        "Activity '" + disclosure.activity() + "' collects no field of category '" + category + "'."));
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
            errors.add(new FieldError("record", "unknown-record", "The subject has no such record."));
        } else if (!record.get().site().equals(disclosure.site())
                || !record.get().activity().equals(disclosure.activity())) {
            errors.add(new FieldError(
                    "record", "other-activity", "The record was collected for another site or activity."));
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
            errors.add(new FieldError(
                    "legalBasis",
                    "undeclared-legal-basis",
                    "No purpose of activity '" + activity.key() + "' rests on '" + disclosure.legalBasis() + "'."));
        }
    }
}
