package dev.steward.vault;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "keys", description = "The master key.", subcommands = KeysRotateCommand.class)
class KeysCommands extends CommandGroup {}
