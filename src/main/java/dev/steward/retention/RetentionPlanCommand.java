package dev.steward.retention;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.io.PrintWriter;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code retention plan [--site S]}: per site and activity, the rule and how many records fall due when. */
@Command(
        name = "plan",
        description = "List per site and activity the retention rule and how many records fall due when.")
class RetentionPlanCommand extends CliCommand {

    private static final List<String> HEADINGS = List.of(
            "SITE", "ACTIVITY", "RULE", "OVERDUE", "NEXT 24 H", "1-7 DAYS", "7-30 DAYS", "LATER", "NO DUE TIME YET");

    /** A time an operator reads, to the second, in UTC as the due times are kept. */
    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    @Option(names = "--site", paramLabel = "SITE", description = "only this site")
    private @Nullable String site;

    /** Asked for only once the site is known good, so a usage error starts no database. */
    private final ObjectProvider<RetentionPlan> plan;

    private final ObjectProvider<Catalogs> catalogs;

    RetentionPlanCommand(ObjectProvider<RetentionPlan> plan, ObjectProvider<Catalogs> catalogs) {
        this.plan = plan;
        this.catalogs = catalogs;
    }

    @Override
    public Integer call() {
        if (site != null && catalogs.getObject().site(site).isEmpty()) {
            throw usageError("There is no site '" + site + "' in the catalog.");
        }
        String only = site;
        RetentionPlan.Plan result = plan.getObject().plan(key -> only == null || only.equals(key));
        out().println("Retention plan at " + AT.format(result.at())
                + " (records; for the request log, visitor sessions whose full IP address is kept)");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        result.rows().forEach(row -> rows.add(cells(row)));
        print(rows, out());
        return CommandLine.OK;
    }

    private static List<String> cells(RetentionPlan.Row row) {
        String rule = row.rule() == null ? "(none)" : row.rule();
        if (row.statutoryMinimum() != null) {
            rule += ", at least " + row.statutoryMinimum();
        }
        return List.of(
                row.site(),
                row.activity(),
                rule,
                Long.toString(row.overdue()),
                Long.toString(row.nextDay()),
                Long.toString(row.nextWeek()),
                Long.toString(row.nextMonth()),
                Long.toString(row.later()),
                Long.toString(row.undated()));
    }

    private static void print(List<List<String>> rows, PrintWriter out) {
        int[] widths = new int[HEADINGS.size()];
        rows.forEach(row -> {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        });
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                line.append(String.format("%-" + (widths[i] + 2) + "s", row.get(i)));
            }
            out.println(line.toString().stripTrailing());
        }
    }
}
