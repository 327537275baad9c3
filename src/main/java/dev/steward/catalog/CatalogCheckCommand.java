package dev.steward.catalog;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code catalog check PATH}: validates a catalog and lists every problem as {@code file:line:column: message}. */
@Command(
        name = "check",
        description = {
            "Validate a catalog without starting anything: exit 0 when it is valid, 1 listing every problem as"
                    + " FILE:LINE:COLUMN: message."
        })
class CatalogCheckCommand extends CliCommand {

    @Parameters(paramLabel = "PATH", description = "a catalog: a .yml or .yaml file, or a folder of them")
    private String path;

    @Override
    public Integer call() {
        try {
            Catalog catalog = Catalogs.read(path);
            out().println(path + ": valid catalog with " + summary(catalog));
            return CommandLine.OK;
        } catch (InvalidCatalogException e) {
            e.problems().forEach(err()::println);
            err().println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " found");
            return CommandLine.PROBLEMS_FOUND;
        }
    }

    private static String summary(Catalog catalog) {
        CatalogContent content = catalog.content();
        return content.sites().size() + " site(s), " + content.activities().size() + " processing activities, "
                + content.purposes().size() + " purposes, " + content.forms().size() + " forms, "
                + content.recipients().size() + " recipients, "
                + content.cookies().size() + " cookies";
    }
}
