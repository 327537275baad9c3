package dev.steward.weblog;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(
        name = "statistics",
        description = "Aggregate statistics of the request log.",
        subcommands = StatisticsCommand.class)
class StatisticsCommands extends CommandGroup {}
