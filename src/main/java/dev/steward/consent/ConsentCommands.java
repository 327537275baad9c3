package dev.steward.consent;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "consent", description = "The consent ledger.", subcommands = ConsentImportCommand.class)
class ConsentCommands extends CommandGroup {}
