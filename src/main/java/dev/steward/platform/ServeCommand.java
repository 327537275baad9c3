package dev.steward.platform;

import picocli.CommandLine.Command;

/**
 * {@code serve}: starts the server and keeps it running. Spring Boot reports a failed start (an unreachable database, an
 * invalid catalog) itself, as a failure analysis without a stack trace.
 */
@Command(name = "serve", description = "Start the server (the default when no command is given).")
final class ServeCommand extends CliCommand {

    private final CommandContext context;

    ServeCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return serve(context);
    }

    static int serve(CommandContext context) {
        try {
            context.serve();
            return CommandLine.OK;
        } catch (RuntimeException alreadyReported) {
            return CommandLine.PROBLEMS_FOUND;
        }
    }
}
