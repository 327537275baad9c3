package dev.steward.catalog;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(name = "catalog", description = "Work with catalogs.", subcommands = CatalogCheckCommand.class)
class CatalogCommands extends CommandGroup {}
