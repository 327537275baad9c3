package dev.steward.platform;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * A command of the {@code steward.jar} command line: a picocli {@code @Command} whose options are its fields and whose
 * {@link #call()} answers the exit code ({@link CommandLine#OK}, {@link CommandLine#PROBLEMS_FOUND} or
 * {@link CommandLine#USAGE}). Picocli creates commands while it reads the arguments, so a command takes only
 * {@code ObjectProvider}s in its constructor and asks them for beans in {@link #call()}: {@code --help}, a usage error
 * or a command that needs no bean starts nothing (see {@link CommandFactory}).
 */
public abstract class CliCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    protected CommandSpec spec() {
        return spec;
    }

    protected PrintWriter out() {
        return spec.commandLine().getOut();
    }

    protected PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /**
     * A bar on standard error for a job of {@code total} steps ({@code -1} when unknown), so a long command never
     * sits silent; closing it prints the final state. Ask for the beans the job needs first: a bar opened before a
     * failure to reach the database would only clutter its one line.
     */
    protected Progress progress(String task, long total, String unit) {
        return Progress.on(err(), terminal(), task, total, unit, 1);
    }

    /** A bar over the bytes of a file, shown in megabytes. */
    protected Progress progressOverBytes(String task, long totalBytes) {
        return Progress.on(err(), terminal(), task, totalBytes, "MB", 1_000_000);
    }

    private boolean terminal() {
        return spec.commandLine().getColorScheme().ansi().enabled();
    }

    /** A usage error found after parsing (an unknown site, say): printed with the synopsis, exit code 2. */
    protected ParameterException usageError(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
