package dev.steward.vault;

import dev.steward.platform.CliCommand;
import dev.steward.platform.CommandLine;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code restore-replay [FILE]}: after restoring a database backup, erase again everyone erased since. */
@Command(
        name = "restore-replay",
        description = "After a database restore, erase again everyone the erasure log says was erased.")
class RestoreReplayCommand extends CliCommand {

    @Parameters(
            paramLabel = "FILE",
            arity = "0..1",
            description = "the erasure log to replay (default: STEWARD_ERASURE_LOG)")
    private @Nullable Path source;

    private final ObjectProvider<ErasureReplay> replay;
    private final ObjectProvider<ErasureLogFile> file;

    RestoreReplayCommand(ObjectProvider<ErasureReplay> replay, ObjectProvider<ErasureLogFile> file) {
        this.replay = replay;
        this.file = file;
    }

    @Override
    public Integer call() {
        Path log = file.getObject().path();
        Path from = source == null ? log : source;
        out().println("Replaying the tombstones of " + from);
        ErasureReplay.Outcome outcome = replay.getObject().replay(from, out()::println);
        out().println("Done: " + outcome.tombstones() + " tombstones read; " + outcome.replayed()
                + " tombstones were missing from the database and were applied again ("
                + outcome.subjectsErasedAgain() + " subjects and " + outcome.recordsErasedAgain()
                + " records erased again); " + outcome.writtenToFile() + " tombstones added to " + log + ".");
        return CommandLine.OK;
    }
}
