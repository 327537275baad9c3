package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.Problem.Severity;
import dev.steward.cookies.scanner.ScanReport.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * A report's findings in words, grouped as a person reads them: violations, warnings, notes, then what matches the
 * catalog. The console page and the command's text print the same.
 */
public record ReportView(List<Section> sections) {

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
            List<Problem> problems) {}

    public static ReportView of(ScanReport report) {
        List<Section> sections = new ArrayList<>();
        add(sections, report, "Violations", "violation", finding -> finding.has(Severity.VIOLATION));
        add(
                sections,
                report,
                "Warnings",
                "warning",
                finding -> !finding.has(Severity.VIOLATION) && finding.has(Severity.WARNING));
        add(
                sections,
                report,
                "Notes",
                "note",
                finding ->
                        !finding.clean() && finding.problems().stream().allMatch(p -> p.severity() == Severity.NOTE));
        add(sections, report, "As the catalog declares", "ok", Finding::clean);
        return new ReportView(sections);
    }

    private static void add(
            List<Section> sections, ScanReport report, String title, String severity, Predicate<Finding> which) {
        List<Line> lines =
                report.findings().stream().filter(which).map(ReportView::line).toList();
        if (!lines.isEmpty()) {
            sections.add(new Section(title + " (" + lines.size() + ")", severity, lines));
        }
    }

    private static Line line(Finding finding) {
        String seen = finding.firstPage() == null
                ? null
                : "seen on " + finding.firstPage()
                        + (finding.seen().isEmpty()
                                ? ""
                                : ", "
                                        + finding.seen().stream()
                                                .map(Moment::words)
                                                .collect(Collectors.joining(", ")))
                        + (finding.setBy() == null ? "" : "; set by " + finding.setBy());
        String declared = finding.declared() == null
                ? null
                : "declared: " + finding.declared().purpose() + " ("
                        + finding.declared().provider() + ", "
                        + finding.declared().category()
                        + (finding.declared().duration() == null
                                ? ""
                                : ", " + finding.declared().duration()) + ")";
        String known = finding.suggestion() == null
                ? null
                : "known as: " + finding.suggestion().platform() + ", "
                        + finding.suggestion().provider()
                        + (finding.suggestion().retention().isEmpty()
                                ? ""
                                : ", kept " + finding.suggestion().retention());
        return new Line(
                finding.kind() + " " + finding.name(), facts(finding), seen, declared, known, finding.problems());
    }

    private static String facts(Finding finding) {
        List<String> facts = new ArrayList<>();
        if (finding.domain() != null) {
            facts.add("domain " + finding.domain() + ", path " + finding.path());
        }
        if (finding.lifetime() != null) {
            facts.add(finding.lifetime());
        }
        if (finding.thirdParty() != null && !finding.kind().equals("host")) {
            facts.add(finding.thirdParty() ? "third party" : "first party");
        }
        if (!finding.types().isEmpty()) {
            facts.add(String.join(", ", finding.types()));
        }
        return String.join("; ", facts);
    }
}
