package dev.steward.retention;

import dev.steward.catalog.Catalogs;
import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;

/** {@code retention plan [--site S]}: per site and activity, the rule and how many records fall due when. */
@Command(
        name = "retention plan",
        usage = "retention plan [--site SITE]   list per activity the rule and how many records fall due when")
class RetentionPlanCommand implements CliCommand {

    private static final List<String> HEADINGS = List.of(
            "SITE", "ACTIVITY", "RULE", "OVERDUE", "NEXT 24 H", "1-7 DAYS", "7-30 DAYS", "LATER", "NO DUE TIME YET");

    /** Asked for only once the arguments are known good, so a usage error starts no database. */
    private final ObjectProvider<RetentionPlan> plan;

    private final Catalogs catalogs;

    RetentionPlanCommand(ObjectProvider<RetentionPlan> plan, Catalogs catalogs) {
        this.plan = plan;
        this.catalogs = catalogs;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String site = null;
        if (arguments.size() == 2 && arguments.get(0).equals("--site")) {
            site = arguments.get(1);
            if (catalogs.site(site).isEmpty()) {
                err.println("There is no site '" + site + "' in the catalog.");
                return 2;
            }
        } else if (!arguments.isEmpty()) {
            err.println("Usage: java -jar steward.jar retention plan [--site SITE]");
            return 2;
        }
        String only = site;
        RetentionPlan.Plan result = plan.getObject().plan(key -> only == null || only.equals(key));
        out.println("Retention plan at " + result.at()
                + " (records; for the request log, visitor sessions whose full IP address is kept)");
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADINGS);
        result.rows().forEach(row -> rows.add(cells(row)));
        print(rows, out);
        return 0;
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

    private static void print(List<List<String>> rows, PrintStream out) {
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
