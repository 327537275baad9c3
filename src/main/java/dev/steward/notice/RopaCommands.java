package dev.steward.notice;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(
        name = "ropa",
        description = "The records of processing activities (GDPR Art. 30).",
        subcommands = RopaCommand.class)
class RopaCommands extends CommandGroup {}
