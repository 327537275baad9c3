package dev.steward.cookies.scanner;

import dev.steward.cookies.scanner.ReportView.Line;
import dev.steward.cookies.scanner.ReportView.Said;
import dev.steward.cookies.scanner.ReportView.Section;
import java.util.Locale;

/** A scan report as plain text for a terminal or a CI log: problems first, then what matches, then the snippet. */
final class ScanReportText {

    private final StringBuilder out = new StringBuilder();

    private ScanReportText() {}

    static String of(ScanReport report, ScanWords words) {
        ScanReportText text = new ScanReportText();
        text.write(report, ReportView.of(report, words, Locale.ENGLISH));
        return text.out.toString();
    }

    private void write(ScanReport report, ReportView view) {
        line("Cookie scan of " + report.siteName() + " at " + report.baseUrl() + ", as a visitor in "
                + report.regionName());
        line("Steward's banner: " + (report.consentScript() == null ? "not on the pages" : report.consentScript()));
        line("Pages visited (" + report.pages().size() + "):");
        view.pages().forEach(page -> line("  " + page.url() + (page.problem() == null ? "" : ": " + page.problem())));
        line("");
        line(report.violations()
                + (report.violations() == 1 ? " violation, " : " violations, ")
                + report.warnings()
                + (report.warnings() == 1 ? " warning." : " warnings."));
        view.problems().forEach(this::problem);
        for (Section section : view.sections()) {
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
        finding.problems().forEach(problem -> line("    " + mark(problem) + problem.text()));
    }

    private void problem(Said problem) {
        line(mark(problem) + problem.text());
    }

    private static String mark(Said problem) {
        return switch (problem.severity()) {
            case "violation" -> "! ";
            case "warning" -> "? ";
            default -> "- ";
        };
    }

    private void line(String text) {
        out.append(text).append('\n');
    }
}
