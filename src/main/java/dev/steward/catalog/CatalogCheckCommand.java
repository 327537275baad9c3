package dev.steward.catalog;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.util.List;

/** {@code catalog check PATH}: validates a catalog and lists every problem as {@code file:line:column: message}. */
@Command(name = "catalog check", usage = "catalog check PATH   validate a catalog file or folder")
class CatalogCheckCommand implements CliCommand {

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() != 1) {
            err.println("Usage: java -jar steward.jar catalog check PATH");
            return 2;
        }
        try {
            Catalog catalog = Catalogs.read(arguments.get(0));
            out.println(arguments.get(0) + ": valid catalog with " + summary(catalog));
            return 0;
        } catch (InvalidCatalogException e) {
            e.problems().forEach(err::println);
            err.println(e.problems().size() + (e.problems().size() == 1 ? " problem" : " problems") + " found");
            return 1;
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
