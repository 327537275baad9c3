package dev.steward.retention;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(
        name = "retention",
        description = "Deletion on schedule.",
        subcommands = {RetentionPlanCommand.class, RetentionSweepCommand.class})
class RetentionCommands extends CommandGroup {}
