package dev.steward.platform;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.ScopeType;

/**
 * {@code java -jar steward.jar}: without a command it starts the server, as {@code serve} does. Its help options,
 * version and exit codes are inherited by every command; the commands themselves are found among the modules (see
 * {@link CommandLine}).
 */
@Command(
        name = StewardCommand.NAME,
        scope = ScopeType.INHERIT,
        mixinStandardHelpOptions = true,
        versionProvider = VersionInfo.class,
        subcommands = {ServeCommand.class, HelpCommand.class},
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "Steward, the self-hosted privacy operations server. Without a command it starts the server (serve).",
            "",
            "Settings are given as for the server, --name=value with a dotted name anywhere on the line"
                    + " (--steward.catalog=shop.yml, --server.port=9090), or as STEWARD_* environment variables."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:problems found (an invalid catalog, a broken chain), or the command failed; one line says why",
            "2:usage error: an unknown command or option, a missing or malformed argument"
        })
final class StewardCommand extends CliCommand {

    static final String NAME = "java -jar steward.jar";

    private final CommandContext context;

    StewardCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        return ServeCommand.serve(context);
    }
}
