package dev.steward.accounts;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText.Shown;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.VisitorLanguages;
import dev.steward.consent.ConsentEvent;
import dev.steward.consent.ConsentLedger;
import dev.steward.vault.Access;
import dev.steward.vault.Identifier;
import dev.steward.vault.RecordSummary;
import dev.steward.vault.SubjectId;
import dev.steward.vault.Vault;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * What "My privacy" shows the account holder: how Steward recognises them, the data each activity of the site holds
 * about them (whatever was submitted under their confirmed address), decrypted for them alone, and every consent
 * action with its receipt, newest first.
 */
@Service
class PrivacyOverview {

    private static final Access SUBJECT = Access.subject("my-privacy");

    private final Catalogs catalogs;
    private final Vault vault;
    private final ConsentLedger ledger;
    private final AccountReach reach;
    private final MessageSource messages;

    PrivacyOverview(Catalogs catalogs, Vault vault, ConsentLedger ledger, AccountReach reach, MessageSource messages) {
        this.messages = messages;
        this.catalogs = catalogs;
        this.vault = vault;
        this.ledger = ledger;
        this.reach = reach;
    }

    /** A label and its value; the label is marked with its language where the catalog has no translation. */
    record Item(Shown label, String value) {

        @Override
        public String toString() {
            return "Item[" + label + "]";
        }
    }

    record Held(Shown activity, Instant collectedAt, String state, List<Item> fields) {}

    record ConsentLine(Shown purpose, String action, Instant at, String method, boolean byParent, String receipt) {}

    record Overview(List<Item> identifiers, List<Held> records, List<ConsentLine> consents) {}

    /** What the holder of the account of {@code subject} sees: the data of every subject their account reaches. */
    Overview of(String site, SubjectId subject) {
        Catalog catalog = catalogs.of(site);
        Locale locale =
                Locale.forLanguageTag(VisitorLanguages.of(catalog.site(site).orElseThrow()));
        String language = locale.getLanguage();
        List<SubjectId> reached = reach.of(subject);
        List<Item> identifiers = vault.heldIdentifiers(subject, SUBJECT).stream()
                .map(held -> new Item(
                        new Shown(identifierLabel(held.identifier().kind(), held.proven(), locale), null),
                        held.identifier().value()))
                .toList();
        List<Held> records = reached.stream()
                .flatMap(one -> vault.records(one).stream())
                .filter(record -> record.site().equals(site))
                .sorted(Comparator.comparing(RecordSummary::collectedAt))
                .map(record -> held(catalog, record, language))
                .toList();
        List<ConsentLine> consents = reached.stream()
                .flatMap(one -> ledger.history(one).stream())
                .filter(event -> event.site().equals(site))
                .sorted(Comparator.comparingLong(ConsentEvent::seq).reversed())
                .map(event -> consentLine(catalog, event, language))
                .toList();
        return new Overview(identifiers, records, consents);
    }

    private Held held(Catalog catalog, RecordSummary record, String language) {
        ProcessingActivity activity = catalog.activity(record.activity()).orElseThrow();
        Map<String, String> fields = vault.fields(record.id(), SUBJECT);
        List<Item> items = activity.fields().stream()
                .map(ProcessingActivity.CollectedField::field)
                .filter(fields::containsKey)
                .map(key -> new Item(
                        catalog.field(key)
                                .map(field -> field.label().shownIn(language))
                                .orElse(new Shown(key, null)),
                        shown(catalog, key, fields.get(key), language)))
                .toList();
        return new Held(
                activity.name().shownIn(language),
                record.collectedAt(),
                record.state().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                items);
    }

    /**
     * A choice by the label of the option chosen ("Germany"), as the person saw it on the form: the page showed the
     * option's value ("DE"). Any other value as it was given.
     */
    private static String shown(Catalog catalog, String key, String value, String language) {
        return catalog.field(key).stream()
                .flatMap(field -> field.options().stream())
                .filter(option -> option.value().equals(value))
                .findFirst()
                .map(option -> option.label().shownIn(language).text())
                .orElse(value);
    }

    private static ConsentLine consentLine(Catalog catalog, ConsentEvent event, String language) {
        Shown purpose = catalog.purpose(event.purpose())
                .map(found -> found.name().shownIn(language))
                .orElse(new Shown(event.purpose(), null));
        return new ConsentLine(
                purpose,
                event.action().key(),
                event.occurredAt(),
                event.method(),
                event.byParent(),
                event.receiptPath());
    }

    private String identifierLabel(Identifier.Kind kind, boolean proven, Locale locale) {
        String label = messages.getMessage("account.identifier." + kind.name().toLowerCase(Locale.ROOT), null, locale);
        return proven ? messages.getMessage("account.identifier.confirmed", new Object[] {label}, locale) : label;
    }
}
