package dev.steward.cookies.scanner;

import dev.steward.catalog.Catalog;
import dev.steward.catalog.Catalogs;
import dev.steward.catalog.Cookie;
import dev.steward.catalog.CookieBanner;
import dev.steward.catalog.Site;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes what a scan found in a reader's language, from the codes and values the findings keep: the console's pages
 * in the staff member's language, the report's JSON and the command's text in English. Catalog elements (a category,
 * a region) are named as the catalog names them in that language, else in the site's default language.
 */
@Component
class ScanWords {

    /** Findings whose sentence has no values: reports stored before findings kept their values show them too. */
    private static final Set<String> WITHOUT_VALUES = Set.of(
            "refused-address",
            "never-seen",
            "not-checkable",
            "form-not-sent",
            "time-limit",
            "no-banner-declared",
            "banner-without-button",
            "choice-not-taken");

    /** How the scan words who set something, and the code of each wording. */
    private static final List<String[]> SET_BY = List.of(
            new String[] {"a script in the page ", "page"},
            new String[] {"the script ", "script"},
            new String[] {"the response of ", "response"});

    private final MessageSource messages;
    private final Catalogs catalogs;

    ScanWords(MessageSource messages, Catalogs catalogs) {
        this.messages = messages;
        this.catalogs = catalogs;
    }

    String get(Locale locale, String code, Object... arguments) {
        return messages.getMessage("console.scan." + code, arguments, locale);
    }

    /** The words for a value from outside Steward's bundles (a resource type, a kind), or the value itself. */
    String getOr(Locale locale, String code, String value) {
        return messages.getMessage("console.scan." + code, null, value, locale);
    }

    /** The finding as a sentence; a finding stored without its values keeps its stored English sentence. */
    String problem(Problem problem, String site, Locale locale) {
        List<String> args = problem.args();
        if (args == null && !WITHOUT_VALUES.contains(problem.code())) {
            return problem.message();
        }
        List<String> values = args == null ? List.of() : args;
        return switch (problem.code()) {
            case "undeclared" -> undeclared(values, site, locale);
            case "longer-than-declared" ->
                get(
                        locale,
                        "problem.longer-than-declared",
                        lifetime(Lifetime.ofArgument(values.get(0)), locale),
                        duration(values.get(1), locale));
            case "before-consent" ->
                get(
                        locale,
                        "problem.before-consent",
                        counted(values, site, locale),
                        region(site, values.get(2), locale));
            case "after-refusal" -> get(locale, "problem.after-refusal", counted(values, site, locale));
            default -> get(locale, "problem." + problem.code(), values.toArray());
        };
    }

    /** The report with every finding's sentence in English, as the API and the command give it. */
    ScanReport english(ScanReport report) {
        return new ScanReport(
                report.site(),
                report.siteName(),
                report.region(),
                report.regionName(),
                report.baseUrl(),
                report.startedAt(),
                report.finishedAt(),
                report.consentScript(),
                report.pages(),
                report.findings().stream()
                        .map(finding -> finding.withProblems(english(finding.problems(), report.site())))
                        .toList(),
                english(report.problems(), report.site()),
                report.violations(),
                report.warnings(),
                report.classifiedBy(),
                report.catalogSnippet());
    }

    private List<Problem> english(List<Problem> problems, String site) {
        return problems.stream()
                .map(problem -> problem.worded(problem(problem, site, Locale.ENGLISH)))
                .toList();
    }

    /** What the scan does now and how far it has come: "First visit, rejecting everything: … (3 of 10 page visits)". */
    String progress(String step, @Nullable String page, int done, int planned, Locale locale) {
        String doing = getOr(locale, "step." + step, step);
        return get(locale, "progress", page == null ? doing : doing + ": " + page, done, planned);
    }

    String progress(ScanProgress progress, Locale locale) {
        return progress(progress.step(), progress.page(), progress.pagesDone(), progress.pagesPlanned(), locale);
    }

    String lifetime(Lifetime lifetime, Locale locale) {
        return get(
                locale,
                "lifetime." + lifetime.amount().unit(),
                lifetime.amount().count());
    }

    /** A length as the catalog or the cookie database writes it ("13 months", "P1Y", "session"), in words. */
    String duration(@Nullable String written, Locale locale) {
        if (written == null) {
            return "";
        }
        return Lifetime.written(written)
                .or(() -> Lifetime.read(written).map(Lifetime::amount))
                .map(amount -> get(locale, "lifetime." + amount.unit(), amount.count()))
                .orElse(written);
    }

    /** A cookie category as the site's banner names it in the reader's language, else in the product's words. */
    String category(String site, String key, Locale locale) {
        Optional<Cookie.Category> category = Arrays.stream(Cookie.Category.values())
                .filter(value -> value.key().equals(key))
                .findFirst();
        if (category.isEmpty()) {
            return key;
        }
        Optional<CookieBanner> banner =
                known(site).flatMap(found -> catalog(site).cookieBannerOf(site));
        return banner.flatMap(shown -> shown.category(category.get()))
                .map(shown -> shown.name().in(locale.getLanguage(), language(site)))
                .orElseGet(() -> get(locale, "category." + key));
    }

    /** A jurisdiction by its catalog name in the reader's language, else the site's. */
    String region(String site, String key, Locale locale) {
        return known(site)
                .flatMap(found -> catalog(site).jurisdiction(key))
                .map(jurisdiction -> jurisdiction.name().in(locale.getLanguage(), language(site)))
                .orElse(key);
    }

    /** What the catalog declares, with its purpose and category in the reader's language where the catalog has them. */
    @Nullable
    String declared(String site, ScanReport.@Nullable Declared declared, Locale locale) {
        if (declared == null) {
            return null;
        }
        Optional<Cookie> current = known(site)
                .flatMap(found -> catalog(site).cookiesOf(site).stream()
                        .filter(cookie -> cookie.key().equals(declared.key()))
                        .findFirst());
        String purpose = current.map(cookie -> cookie.purpose().in(locale.getLanguage(), language(site)))
                .orElse(declared.purpose());
        String category = current.map(cookie -> category(site, cookie.category().key(), locale))
                .orElse(declared.category());
        return declared.duration() == null
                ? get(locale, "line.declared", purpose, declared.provider(), category)
                : get(
                        locale,
                        "line.declaredFor",
                        purpose,
                        declared.provider(),
                        category,
                        duration(declared.duration(), locale));
    }

    /** Who set it, as the scan wrote it in English ("the response of …"), in the reader's words. */
    String setBy(String written, Locale locale) {
        for (String[] said : SET_BY) {
            if (written.startsWith(said[0])) {
                return get(locale, "setBy." + said[1], written.substring(said[0].length()));
            }
        }
        return written;
    }

    private String counted(List<String> values, String site, Locale locale) {
        String name = category(site, values.get(0), locale);
        return Boolean.parseBoolean(values.get(1)) ? get(locale, "problem.byDatabase", name) : name;
    }

    private String undeclared(List<String> values, String site, Locale locale) {
        String sentence = get(locale, "problem.undeclared." + values.get(0));
        if (values.size() < 4) {
            return sentence;
        }
        return get(
                locale,
                "join.sentences",
                sentence,
                values.get(3).isEmpty()
                        ? get(locale, "problem.known", values.get(1), values.get(2))
                        : get(
                                locale,
                                "problem.knownAs",
                                values.get(1),
                                values.get(2),
                                category(site, values.get(3), locale)));
    }

    private Optional<Site> known(String site) {
        return catalogs.sites().stream()
                .filter(found -> found.key().equals(site))
                .findFirst();
    }

    private Catalog catalog(String site) {
        return catalogs.of(site);
    }

    private String language(String site) {
        return catalogs.requireSite(site).language();
    }
}
