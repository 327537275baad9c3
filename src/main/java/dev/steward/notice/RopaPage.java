package dev.steward.notice;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Jurisdiction;
import dev.steward.catalog.LegalBasis;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Purpose;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.RetentionRule;
import dev.steward.catalog.RetentionRuleWords;
import dev.steward.platform.ConsoleWords;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The records of processing as the console page shows them, in the staff member's language: legal bases, recipients'
 * roles and countries, safeguards and time limits in words. Catalog texts stay in the site's default language; the
 * CSV and JSON exports keep {@link RecordsOfProcessing}'s fixed English values for programs.
 */
@Component
class RopaPage {

    private final RecordsOfProcessing records;
    private final ConsoleWords words;
    private final RetentionRuleWords rules;

    RopaPage(RecordsOfProcessing records, ConsoleWords words, RetentionRuleWords rules) {
        this.records = records;
        this.words = words;
        this.rules = rules;
    }

    /** One activity's record (Art. 30(1)(a)–(g)) for a person to read. */
    record Sheet(
            String activityName,
            String siteName,
            RecordsOfProcessing.Entry entry,
            String legalBases,
            String recipients,
            String transfers,
            String erasureTimeLimit) {}

    List<Sheet> sheets(Predicate<String> sites) {
        return records.activities(sites).stream().map(this::sheet).toList();
    }

    private Sheet sheet(RecordsOfProcessing.Activity each) {
        Catalog catalog = each.catalog();
        ProcessingActivity activity = each.activity();
        List<Recipient> recipients = activity.recipients().stream()
                .map(key -> catalog.recipient(key).orElseThrow())
                .toList();
        return new Sheet(
                activity.name().toString(),
                each.site().name().toString(),
                records.entry(catalog, each.site(), activity),
                legalBases(catalog, catalog.purposesOf(activity)),
                join(recipients.stream()
                        .map(r -> words.get(
                                "console.ropa.recipient",
                                r.name(),
                                words.get("console.ropa.role." + r.role().name()),
                                country(r.country())))),
                join(recipients.stream()
                        .filter(r -> !r.isInEea())
                        .map(r -> words.get(
                                "console.ropa.transfer",
                                country(r.country()),
                                r.name(),
                                words.get(
                                        r.safeguard() == null
                                                ? "console.ropa.noSafeguard"
                                                : "console.ropa.safeguard."
                                                        + r.safeguard().name())))),
                erasure(catalog.retentionRule(activity.retention()).orElseThrow()));
    }

    /** "European Union: consent (Art. 6(1)(a) GDPR)", per jurisdiction the activity's purposes name. */
    private String legalBases(Catalog catalog, List<Purpose> purposes) {
        return join(purposes.stream()
                .flatMap(purpose -> purpose.legalBasis().entrySet().stream()
                        .map(entry -> catalog.jurisdiction(entry.getKey())
                                        .map(Jurisdiction::name)
                                        .map(Object::toString)
                                        .orElse(entry.getKey())
                                + ": "
                                + entry.getValue().stream().map(this::basis).collect(Collectors.joining(" + "))))
                .distinct());
    }

    private String basis(LegalBasis basis) {
        return words.get("console.basis." + basis.key()) + " (" + basis.citation() + ")";
    }

    private String erasure(RetentionRule retention) {
        String rule = rules.of(retention.rule().toString()) + " — " + retention.description();
        return retention.statutoryMinimum() == null
                ? rule
                : words.get(
                        "console.ropa.statutoryMinimum",
                        rule,
                        rules.span(retention.statutoryMinimum().toString()));
    }

    private String country(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return "EU".equalsIgnoreCase(code)
                ? words.get("console.ropa.europeanUnion")
                : new Locale.Builder()
                        .setRegion(code.toUpperCase(Locale.ROOT))
                        .build()
                        .getDisplayCountry(locale);
    }

    private static String join(Stream<String> parts) {
        return parts.collect(Collectors.joining("; "));
    }
}
