package dev.steward.notice;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** {@code ropa export --format csv|json}: the records of processing (Art. 30) on standard output. */
@Command(name = "ropa export", usage = "ropa export [--format csv|json]   print the records of processing (Art. 30)")
class RopaCommand implements CliCommand {

    private final RecordsOfProcessing records;
    private final JsonMapper json;

    RopaCommand(RecordsOfProcessing records, JsonMapper json) {
        this.records = records;
        this.json = json;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        String format = arguments.isEmpty() ? "json" : arguments.get(arguments.size() - 1);
        boolean wellFormed = arguments.isEmpty()
                || (arguments.size() == 2 && arguments.get(0).equals("--format"))
                || (arguments.size() == 1 && arguments.get(0).startsWith("--format="));
        format = format.startsWith("--format=") ? format.substring("--format=".length()) : format;
        if (!wellFormed || !(format.equals("csv") || format.equals("json"))) {
            err.println("Usage: java -jar steward.jar ropa export --format csv|json");
            return 2;
        }
        RecordsOfProcessing.Export export = records.export();
        out.print(
                format.equals("csv")
                        ? export.csv()
                        : json.writerWithDefaultPrettyPrinter().writeValueAsString(export) + "\n");
        return 0;
    }
}
