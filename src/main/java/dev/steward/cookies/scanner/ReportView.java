package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.Problem.Severity;
import dev.steward.cookies.scanner.ScanReport.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * A report's findings in words of one language, grouped as a person reads them: violations, warnings, notes, then
 * what matches the catalog. The console page (in the staff member's language) and the command's text (in English)
 * print the same.
 */
public record ReportView(List<Section> sections, List<Said> problems, List<Page> pages) {

    /** @param severity "violation", "warning", "note" or "ok", for the page's styling */
    public record Section(String title, String severity, List<Line> findings) {}

    /**
     * One finding.
     *
     * @param title "cookie _ga", "host ads.example"
     * @param facts domain, path, lifetime, party or resource types
     */
    public record Line(
            String title,
            String facts,
            @Nullable String seen,
            @Nullable String declared,
            @Nullable String known,
            List<Said> problems) {}

    /** A problem in words: {@code severity} for styling and marks, {@code label} "Violation", "Verstoß", … */
    public record Said(String severity, String label, String text) {}

    /** A page visited, with what went wrong there in words. */
    public record Page(String url, @Nullable String problem) {}

    static ReportView of(ScanReport report, ScanWords words, Locale locale) {
        FindingWords lines = new FindingWords(report.site(), words, locale);
        List<Section> sections = new ArrayList<>();
        add(sections, report, lines, "violation", finding -> finding.has(Severity.VIOLATION));
        add(
                sections,
                report,
                lines,
                "warning",
                finding -> !finding.has(Severity.VIOLATION) && finding.has(Severity.WARNING));
        add(
                sections,
                report,
                lines,
                "note",
                finding ->
                        !finding.clean() && finding.problems().stream().allMatch(p -> p.severity() == Severity.NOTE));
        add(sections, report, lines, "ok", Finding::clean);
        List<Page> pages = report.pages().stream()
                .map(page -> new Page(
                        page.url(),
                        page.status() != null && page.status() >= 400
                                ? words.get(locale, "page.status", String.valueOf(page.status()))
                                : page.problem()))
                .toList();
        return new ReportView(sections, lines.said(report.problems()), pages);
    }

    private static void add(
            List<Section> sections, ScanReport report, FindingWords words, String severity, Predicate<Finding> which) {
        List<Line> lines =
                report.findings().stream().filter(which).map(words::line).toList();
        if (!lines.isEmpty()) {
            sections.add(new Section(words.section(severity, lines.size()), severity, lines));
        }
    }

    /** One finding's lines in the reader's words. */
    private record FindingWords(String site, ScanWords words, Locale locale) {

        String section(String severity, int count) {
            return words.get(locale, "section." + severity, count);
        }

        List<Said> said(List<Problem> problems) {
            return problems.stream()
                    .map(problem -> {
                        String severity = problem.severity().name().toLowerCase(Locale.ROOT);
                        return new Said(
                                severity,
                                words.get(locale, "severity." + severity),
                                words.problem(problem, site, locale));
                    })
                    .toList();
        }

        Line line(Finding finding) {
            return new Line(
                    words.getOr(locale, "kind." + finding.kind().replace(' ', '-'), finding.kind()) + " "
                            + finding.name(),
                    facts(finding),
                    seen(finding),
                    words.declared(site, finding.declared(), locale),
                    known(finding),
                    said(finding.problems()));
        }

        private @Nullable String seen(Finding finding) {
            if (finding.firstPage() == null) {
                return null;
            }
            List<String> when = new ArrayList<>();
            when.add(words.get(locale, "line.seen", finding.firstPage()));
            finding.seen().forEach(moment -> when.add(words.get(locale, "moment." + moment.name())));
            String seen = join("list", when);
            return finding.setBy() == null ? seen : join("facts", List.of(seen, words.setBy(finding.setBy(), locale)));
        }

        private @Nullable String known(Finding finding) {
            ScanReport.Suggestion known = finding.suggestion();
            if (known == null) {
                return null;
            }
            return known.retention().isEmpty()
                    ? words.get(locale, "line.known", known.platform(), known.provider())
                    : words.get(
                            locale,
                            "line.knownKept",
                            known.platform(),
                            known.provider(),
                            words.duration(known.retention(), locale));
        }

        private String facts(Finding finding) {
            List<String> facts = new ArrayList<>();
            if (finding.domain() != null) {
                facts.add(words.get(locale, "fact.domain", finding.domain(), finding.path()));
            }
            if (finding.lifetime() != null) {
                facts.add(words.lifetime(new Lifetime(finding.lifetimeSeconds()), locale));
            }
            if (finding.thirdParty() != null && !finding.kind().equals("host")) {
                facts.add(words.get(locale, finding.thirdParty() ? "fact.thirdParty" : "fact.firstParty"));
            }
            if (!finding.types().isEmpty()) {
                facts.add(join(
                        "list",
                        finding.types().stream()
                                .map(type -> words.getOr(locale, "type." + type, type))
                                .toList()));
            }
            return join("facts", facts);
        }

        /** Parts joined as the language lists them: "a, b" and "a; b", "a、b" in Japanese. */
        private String join(String how, List<String> parts) {
            return parts.stream()
                    .reduce((first, next) -> words.get(locale, "join." + how, first, next))
                    .orElse("");
        }
    }
}
