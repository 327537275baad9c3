package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.Command;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** {@code restore-replay [FILE]}: after restoring a database backup, erase again everyone erased since. */
@Command(
        name = "restore-replay",
        usage = "restore-replay [FILE]   re-apply every erasure tombstone after a database restore")
class RestoreReplayCommand implements CliCommand {

    private final ErasureReplay replay;
    private final ErasureLogFile file;
    private final JsonMapper json;

    RestoreReplayCommand(ErasureReplay replay, ErasureLogFile file, JsonMapper json) {
        this.replay = replay;
        this.file = file;
        this.json = json;
    }

    @Override
    public int run(List<String> arguments, PrintStream out, PrintStream err) {
        if (arguments.size() > 1) {
            err.println("Usage: java -jar steward.jar restore-replay [FILE]");
            return 2;
        }
        Path source = arguments.isEmpty() ? file.path() : Path.of(arguments.get(0));
        List<Tombstone> tombstones = ErasureLogFile.read(source, json);
        out.println("Replaying " + tombstones.size() + " tombstones from " + source);
        ErasureReplay.Outcome outcome = replay.replay(tombstones, out::println);
        out.println("Done: " + outcome.replayed()
                + " tombstones were missing from the database and were applied again ("
                + outcome.subjectsErasedAgain() + " subjects and " + outcome.recordsErasedAgain()
                + " records erased again); " + outcome.writtenToFile() + " tombstones added to " + file.path() + ".");
        return 0;
    }
}
