package dev.steward.staff;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(
        name = "staff",
        description = "The members of the staff console.",
        subcommands = StaffResetPasswordCommand.class)
class StaffCommands extends CommandGroup {}
