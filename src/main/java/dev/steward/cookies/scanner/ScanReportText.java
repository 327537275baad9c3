package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.Problem.Severity;
import dev.steward.cookies.scanner.ReportView.Line;
import dev.steward.cookies.scanner.ReportView.Section;

/** A scan report as plain text for a terminal or a CI log: problems first, then what matches, then the snippet. */
final class ScanReportText {

    private final StringBuilder out = new StringBuilder();

    private ScanReportText() {}

    static String of(ScanReport report) {
        ScanReportText text = new ScanReportText();
        text.write(report);
        return text.out.toString();
    }

    private void write(ScanReport report) {
        line("Cookie scan of " + report.siteName() + " at " + report.baseUrl() + ", as a visitor in "
                + report.regionName());
        line("Steward's banner: " + (report.consentScript() == null ? "not on the pages" : report.consentScript()));
        line("Pages visited (" + report.pages().size() + "):");
        report.pages().forEach(page -> line("  " + page.url() + (page.problem() == null ? "" : ": " + page.problem())));
        line("");
        line(report.violations()
                + (report.violations() == 1 ? " violation, " : " violations, ")
                + report.warnings()
                + (report.warnings() == 1 ? " warning." : " warnings."));
        report.problems().forEach(problem -> line(mark(problem.severity()) + problem.message()));
        for (Section section : ReportView.of(report).sections()) {
            line("");
            line(section.title() + ":");
            section.findings().forEach(this::finding);
        }
        if (!report.catalogSnippet().isEmpty()) {
            line("");
            line("Catalog entries for what is undeclared (suggestions from " + report.classifiedBy() + "):");
            out.append(report.catalogSnippet());
        }
    }

    private void finding(Line finding) {
        line("  " + finding.title() + (finding.facts().isEmpty() ? "" : " (" + finding.facts() + ")"));
        for (String detail : new String[] {finding.seen(), finding.declared(), finding.known()}) {
            if (detail != null) {
                line("    " + detail);
            }
        }
        finding.problems().forEach(problem -> line("    " + mark(problem.severity()) + problem.message()));
    }

    private static String mark(Severity severity) {
        return switch (severity) {
            case VIOLATION -> "! ";
            case WARNING -> "? ";
            case NOTE -> "- ";
        };
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
