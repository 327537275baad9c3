package dev.steward.cookies.scanner;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "cookies", description = "The sites' cookies.", subcommands = CookieScanCommand.class)
class CookiesCommands extends CommandGroup {}
