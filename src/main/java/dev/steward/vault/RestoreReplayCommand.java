package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/** {@code restore-replay [FILE]}: after restoring a database backup, erase again everyone erased since. */
@Command(
        name = "restore-replay",
        usage = "restore-replay [FILE]   re-apply every erasure tombstone after a database restore")
class RestoreReplayCommand implements CliCommand {

    private final ErasureReplay replay;
    private final ErasureLogFile file;

    RestoreReplayCommand(ErasureReplay replay, ErasureLogFile file) {
        this.replay = replay;
        this.file = file;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() > 1) {
            err.println("Usage: java -jar steward.jar restore-replay [FILE]");
            return 2;
        }
        Path source = arguments.isEmpty() ? file.path() : Path.of(arguments.get(0));
        out.println("Replaying the tombstones of " + source);
        ErasureReplay.Outcome outcome = replay.replay(source, out::println);
        out.println("Done: " + outcome.tombstones() + " tombstones read; " + outcome.replayed()
                + " tombstones were missing from the database and were applied again ("
                + outcome.subjectsErasedAgain() + " subjects and " + outcome.recordsErasedAgain()
                + " records erased again); " + outcome.writtenToFile() + " tombstones added to " + file.path() + ".");
        return 0;
    }
}
