package dev.steward.vault;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "ledger", description = "The evidence chains.", subcommands = LedgerVerifyCommand.class)
class LedgerCommands extends CommandGroup {}
