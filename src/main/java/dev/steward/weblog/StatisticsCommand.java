package dev.steward.weblog;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.ErrorWords;
import dev.steward.platform.InvalidInputException;
import dev.steward.platform.OutputFormat;
import dev.steward.staff.Caller;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code statistics export}: the request log's aggregate statistics, as CSV or JSON, for partners. */
@Command(
        name = "export",
        description = "Print visits and requests per day, site, country and browser; cells counting fewer than the"
                + " site's minimum are left out.")
class StatisticsCommand extends CliCommand {

    private static final Caller OPERATOR = new Caller("command", Caller.Kind.STAFF, Set.of(), Set.of());

    @Option(names = "--site", paramLabel = "SITE", description = "one site (default: every site)")
    private @Nullable String site;

    @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "first day, UTC (default: 30 days ago)")
    private @Nullable String from;

    @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "last day, UTC (default: today)")
    private @Nullable String to;

    @Option(
            names = "--format",
            paramLabel = "csv|json",
            defaultValue = "csv",
            description = "csv or json (default: ${DEFAULT-VALUE})")
    private OutputFormat format;

    private final ObjectProvider<Statistics> statistics;
    private final ObjectProvider<JsonMapper> json;
    private final ObjectProvider<ErrorWords> errorWords;

    StatisticsCommand(
            ObjectProvider<Statistics> statistics,
            ObjectProvider<JsonMapper> json,
            ObjectProvider<ErrorWords> errorWords) {
        this.statistics = statistics;
        this.errorWords = errorWords;
        this.json = json;
    }

    @Override
    public Integer call() {
        try {
            Statistics.Report report = statistics.getObject().export(site, from, to, OPERATOR);
            out().print(
                            format == OutputFormat.CSV
                                    ? Statistics.csv(report)
                                    : json.getObject().writeValueAsString(report) + "\n");
            return CommandLine.OK;
        } catch (InvalidInputException e) {
            ErrorWords words = errorWords.getObject();
            e.errors().forEach(error -> err().println("--" + error.field() + ": " + words.english(error)));
            return CommandLine.PROBLEMS_FOUND;
        }
    }
}
