package dev.steward.notice;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import dev.steward.platform.OutputFormat;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code ropa export --format csv|json}: the records of processing (Art. 30) on standard output. */
@Command(
        name = "export",
        description =
                "Print the records of processing from the catalog; needs no database, so it runs beside a server.")
class RopaCommand extends CliCommand {

    @Option(
            names = "--format",
            paramLabel = "csv|json",
            defaultValue = "json",
            description = "csv or json (default: ${DEFAULT-VALUE})")
    private OutputFormat format;

    private final ObjectProvider<RecordsOfProcessing> records;
    private final ObjectProvider<JsonMapper> json;

    RopaCommand(ObjectProvider<RecordsOfProcessing> records, ObjectProvider<JsonMapper> json) {
        this.records = records;
        this.json = json;
    }

    @Override
    public Integer call() {
        RecordsOfProcessing.Export export = records.getObject().export();
        out().print(
                        format == OutputFormat.CSV
                                ? export.csv()
                                : json.getObject()
                                                .writerWithDefaultPrettyPrinter()
                                                .writeValueAsString(export) + "\n");
        return CommandLine.OK;
    }
}
