package dev.steward.platform;

import java.io.PrintStream;
import java.util.List;

/** A command of the {@code steward.jar} command line; see {@link Command}. */
public interface CliCommand {

    /**
     * @param arguments what follows the command's name
     * @return the process exit code: 0 for success, 1 when the command found a problem, 2 for a usage error
     */
    int run(List<String> arguments, PrintStream out, PrintStream err);
}
