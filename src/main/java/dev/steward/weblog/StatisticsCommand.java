package dev.steward.weblog;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import dev.steward.platform.InvalidInputException;
import dev.steward.staff.Caller;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/** {@code statistics export}: the request log's aggregate statistics, as CSV or JSON, for partners. */
@Command(
        name = "statistics export",
        usage = "statistics export [--site SITE] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--format csv|json]"
                + "   aggregate visit statistics, small cells suppressed")
class StatisticsCommand implements CliCommand {

    private static final Set<String> OPTIONS = Set.of("--site", "--from", "--to", "--format");
    private static final Caller OPERATOR = new Caller("command", Caller.Kind.STAFF, Set.of(), Set.of());

    private final Statistics statistics;
    private final JsonMapper json;

    StatisticsCommand(Statistics statistics, JsonMapper json) {
        this.statistics = statistics;
        this.json = json;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.size(); i += 2) {
            if (!OPTIONS.contains(arguments.get(i)) || i + 1 >= arguments.size()) {
                err.println("Usage: java -jar steward.jar statistics export [--site SITE] [--from YYYY-MM-DD]"
                        + " [--to YYYY-MM-DD] [--format csv|json]");
                return 2;
            }
            options.put(arguments.get(i), arguments.get(i + 1));
        }
        String format = options.getOrDefault("--format", "csv");
        if (!format.equals("csv") && !format.equals("json")) {
            err.println("--format: the format is csv or json.");
            return 2;
        }
        try {
            Statistics.Report report =
                    statistics.export(options.get("--site"), options.get("--from"), options.get("--to"), OPERATOR);
            out.print(format.equals("csv") ? Statistics.csv(report) : json.writeValueAsString(report) + "\n");
            return 0;
        } catch (InvalidInputException e) {
            e.errors().forEach(error -> err.println("--" + error.field() + ": " + error.message()));
            return 1;
        }
    }
}
