package dev.steward.platform;

/** A command that only groups others, such as {@code retention}: named alone, it says which to choose. */
public abstract class CommandGroup extends CliCommand {

    @Override
    public Integer call() {
        throw usageError("Name one of its commands: "
                + String.join(", ", spec().subcommands().keySet()) + ".");
    }
}
