package dev.steward.bench;

import dev.steward.platform.CommandGroup;
import picocli.CommandLine.Command;

/**
 * {@code bench ...}: the benchmark's data generator and baselines. These classes are not in {@code steward.jar}: they
 * are built into {@code steward-bench.jar}, which {@code bench/run} adds to the jar's classpath.
 */
@Command(
        name = "bench",
        description = "The benchmark's data generator and baselines (see bench/README.md).",
        subcommands = {
            SeedCommand.class,
            DueCommand.class,
            ConsentFileCommand.class,
            CopyCommand.class,
            DeleteCommand.class,
            RightsCommand.class,
            SampleCommand.class,
            SubscribersCommand.class
        })
class BenchCommands extends CommandGroup {}
