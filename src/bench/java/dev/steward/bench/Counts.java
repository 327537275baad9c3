package dev.steward.bench;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** A bench option's count: a whole number of 0 or more. */
final class Counts {

    private Counts() {}

    static long atLeastZero(CommandSpec spec, String option, long value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), option + " needs a whole number of 0 or more");
        }
        return value;
    }
}
