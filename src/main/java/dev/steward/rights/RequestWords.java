package dev.steward.rights;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.LocalizedText;
import dev.steward.catalog.ProcessingActivity;
import dev.steward.catalog.Recipient;
import dev.steward.catalog.Site;
import dev.steward.catalog.SiteTimes;
import dev.steward.catalog.Span;
import dev.steward.catalog.VisitorLanguageLinks;
import dev.steward.catalog.VisitorLanguages;
import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words a requester reads about their request, in the language they asked in (kept with the request) and with
 * the site's days: the outcome of each right, the mails, the history they follow. Catalog elements are named by
 * their labels; where the catalog has no translation, the site's default language shows, and {@link #fallback} says
 * so.
 */
@Component
class RequestWords {

    private final Catalogs catalogs;
    private final MessageSource messages;
    private final SiteTimes times;
    private final VisitorLanguageLinks languages;

    RequestWords(Catalogs catalogs, MessageSource messages, SiteTimes times, VisitorLanguageLinks languages) {
        this.catalogs = catalogs;
        this.messages = messages;
        this.times = times;
        this.languages = languages;
    }

    /**
     * The language the requester asked in, kept with the request so that a mail a staff action sends days later is
     * in it too; a request from before it was kept reads the site's default.
     */
    Locale language(RightsRequest request) {
        Site site = catalogs.requireSite(request.site());
        String asked = request.language();
        return Locale.forLanguageTag(
                asked != null && VisitorLanguages.declared(site).contains(asked) ? asked : site.language());
    }

    String words(RightsRequest request, String code, Object... arguments) {
        return messages.getMessage(code, arguments, language(request));
    }

    /** A day as the requester reads it: in their language and their jurisdiction's time zone. */
    String day(RightsRequest request, @Nullable Instant at) {
        return at == null
                ? words(request, "rights.day.soon")
                : times.day(at, catalogs.requireSite(request.site()), request.jurisdiction(), language(request));
    }

    /** A catalog text in the requester's language, or the site's default where it has no translation. */
    String text(RightsRequest request, LocalizedText text) {
        return text(request.site(), language(request), text);
    }

    /** A catalog text in a reader's language, or the site's default where it has no translation. */
    String text(String site, Locale reader, LocalizedText text) {
        return text.in(reader.getLanguage(), catalogs.requireSite(site).language());
    }

    String activity(RightsRequest request, String key) {
        return activity(request.site(), language(request), key);
    }

    String activity(String site, Locale reader, String key) {
        return label(site, reader, key, catalog -> catalog.activity(key).map(ProcessingActivity::name));
    }

    String purpose(RightsRequest request, String key) {
        return catalog(request).purpose(key).map(p -> text(request, p.name())).orElse(key);
    }

    String field(RightsRequest request, String key) {
        return catalog(request).field(key).map(f -> text(request, f.label())).orElse(key);
    }

    String recipient(RightsRequest request, String key) {
        return recipient(request.site(), language(request), key);
    }

    String recipient(String site, Locale reader, String key) {
        return label(site, reader, key, catalog -> catalog.recipient(key).map(Recipient::name));
    }

    /** A catalog element's label in a reader's language; its key where the catalog no longer declares it. */
    private String label(String site, Locale reader, String key, Function<Catalog, Optional<LocalizedText>> element) {
        return element.apply(catalogs.of(site))
                .map(label -> text(site, reader, label))
                .orElse(key);
    }

    String category(RightsRequest request, String key) {
        return catalog(request).dataCategories().stream()
                .filter(c -> c.key().equals(key))
                .findFirst()
                .map(c -> text(request, c.name()))
                .orElse(key);
    }

    /** "10 years", "10 Jahre", "10年": a catalog's period as words, largest unit first. */
    String period(RightsRequest request, Span span) {
        return period(language(request), span);
    }

    String period(Locale reader, Span span) {
        Period period = span.period().normalized();
        List<String> parts = new ArrayList<>();
        unit(reader, parts, "years", period.getYears());
        unit(reader, parts, "months", period.getMonths());
        unit(reader, parts, "days", period.getDays() + (int) span.time().toDays());
        return parts.isEmpty()
                ? messages.getMessage("rights.period.days", new Object[] {0}, reader)
                : String.join(messages.getMessage("rights.period.and", null, reader), parts);
    }

    private void unit(Locale reader, List<String> parts, String unit, int amount) {
        if (amount != 0) {
            parts.add(messages.getMessage("rights.period." + unit, new Object[] {amount}, reader));
        }
    }

    /** A country by its ISO code, named in the requester's language. */
    String country(RightsRequest request, String code) {
        return "EU".equalsIgnoreCase(code)
                ? words(request, "rights.country.eu")
                : new Locale.Builder().setRegion(code).build().getDisplayCountry(language(request));
    }

    /**
     * The note, for a text that names catalog elements, that some of them are not translated into the requester's
     * language; empty when all are.
     */
    String fallback(RightsRequest request) {
        String note = languages.of(request.site(), language(request)).fallback();
        return note == null ? "" : "\n\n" + note;
    }

    /**
     * A released package in words for whoever reads about it ({@code reader}: staff read the console's language):
     * "Released on 2 March 2026; available until 9 March 2026; downloaded once, last on 3 March 2026."
     */
    String packageSummary(
            RightsRequest request,
            Locale reader,
            Instant releasedAt,
            Instant availableUntil,
            String state,
            int downloads,
            @Nullable Instant lastDownloadedAt) {
        Site site = catalogs.requireSite(request.site());
        return messages.getMessage(
                "package.summary." + state,
                new Object[] {
                    times.day(releasedAt, site, request.jurisdiction(), reader),
                    times.day(availableUntil, site, request.jurisdiction(), reader),
                    downloads,
                    times.day(lastDownloadedAt, site, request.jurisdiction(), reader)
                },
                reader);
    }

    private Catalog catalog(RightsRequest request) {
        return catalogs.of(request.site());
    }
}
