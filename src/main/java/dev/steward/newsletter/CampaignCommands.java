package dev.steward.newsletter;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

@Command(
        name = "campaign",
        description = "Newsletter campaigns and their progress.",
        subcommands = {CampaignListCommand.class, CampaignStatusCommand.class})
class CampaignCommands extends CommandGroup {}
